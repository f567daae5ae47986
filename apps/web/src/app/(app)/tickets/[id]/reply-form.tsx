'use client';

import { type FormEvent, useState } from 'react';
import { useT } from '@/components/i18n-provider.tsx';
import { buttonClass, inputClass } from '@/components/ui/field.tsx';
import { FormStatus } from '@/components/ui/form-status.tsx';
import { useApiSubmit } from '@/lib/use-api-submit.ts';

/** The reply box; staff can switch it to an internal note, shown in amber. */
export function ReplyForm({ ticketId, staff }: { ticketId: string; staff: boolean }) {
  const t = useT();
  const [internal, setInternal] = useState(false);
  const { pending, status, submit } = useApiSubmit();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const body = String(new FormData(formElement).get('body') ?? '').trim();
    if (!body) return;
    await submit(
      `/api/tickets/${ticketId}/comments`,
      { body, internal },
      {
        onSuccess: () => {
          formElement.reset();
          setInternal(false);
        },
      },
    );
  }

  return (
    <form
      onSubmit={onSubmit}
      aria-label={t('ticket.reply')}
      className={`flex flex-col gap-3 rounded-xl border p-4 ${
        internal ? 'border-amber-300 bg-amber-50' : 'border-slate-200 bg-white'
      }`}
    >
      <label htmlFor="reply-body" className="text-sm font-medium text-slate-800">
        {internal ? t('ticket.internal') : t('ticket.reply')}
      </label>
      <textarea
        id="reply-body"
        name="body"
        required
        rows={4}
        maxLength={20_000}
        placeholder={internal ? t('ticket.notePlaceholder') : t('ticket.replyPlaceholder')}
        className={inputClass}
      />
      <div className="flex flex-wrap items-center justify-between gap-3">
        {staff ? (
          <label className="flex items-center gap-2 text-sm text-slate-700">
            <input
              type="checkbox"
              checked={internal}
              onChange={(event) => setInternal(event.target.checked)}
              className="size-4 rounded border-slate-300 accent-amber-600"
            />
            {t('ticket.internal')}
            <span className="text-xs text-slate-500">{t('ticket.internalHint')}</span>
          </label>
        ) : (
          <span />
        )}
        <button type="submit" className={buttonClass} disabled={pending}>
          {pending ? t('ticket.sending') : internal ? t('ticket.sendNote') : t('ticket.send')}
        </button>
      </div>
      <FormStatus status={status} />
    </form>
  );
}
