'use client';

import { useRouter } from 'next/navigation';
import type { FormEvent } from 'react';
import { useT } from '@/components/i18n-provider.tsx';
import { buttonClass, Field, inputClass } from '@/components/ui/field.tsx';
import { FormStatus } from '@/components/ui/form-status.tsx';
import { useApiSubmit } from '@/lib/use-api-submit.ts';

interface Option {
  id: string;
  name: string;
}

export function NewTicketForm({
  staff,
  canChooseRequester,
  categories,
  queues,
  requesters,
}: {
  staff: boolean;
  canChooseRequester: boolean;
  categories: Option[];
  queues: Option[];
  requesters: { id: string; label: string }[];
}) {
  const t = useT();
  const router = useRouter();
  const { pending, status, fields, submit } = useApiSubmit();
  const blocked = canChooseRequester && requesters.length === 0;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const value = (name: string) => String(form.get(name) ?? '').trim();
    const body: Record<string, string> = {
      subject: value('subject'),
      description: value('description'),
      priority: value('priority'),
    };
    for (const optional of ['categoryId', 'queueId', 'requesterId']) {
      if (value(optional)) body[optional] = value(optional);
    }
    await submit<{ ticket: { id: string } }>('/api/tickets', body, {
      onSuccess: ({ ticket }) => router.push(`/tickets/${ticket.id}`),
    });
  }

  return (
    <form
      onSubmit={onSubmit}
      className="grid max-w-3xl gap-5 rounded-xl border border-slate-200 bg-white p-6"
    >
      {canChooseRequester ? (
        <Field
          id="ticket-requester"
          label={t('ticket.requester')}
          error={fields.requesterId ?? (blocked ? t('ticket.noRequesters') : undefined)}
        >
          <select
            id="ticket-requester"
            name="requesterId"
            required
            defaultValue=""
            className={inputClass}
          >
            <option value="" disabled>
              {t('ticket.requesterChoose')}
            </option>
            {requesters.map((requester) => (
              <option key={requester.id} value={requester.id}>
                {requester.label}
              </option>
            ))}
          </select>
        </Field>
      ) : null}
      <Field id="ticket-subject" label={t('ticket.subject')} error={fields.subject}>
        <input
          id="ticket-subject"
          name="subject"
          required
          minLength={3}
          maxLength={200}
          className={inputClass}
        />
      </Field>
      <Field
        id="ticket-description"
        label={t('ticket.description')}
        hint={t('ticket.descriptionHint')}
        error={fields.description}
      >
        <textarea
          id="ticket-description"
          name="description"
          required
          rows={8}
          maxLength={20_000}
          className={inputClass}
          aria-describedby="ticket-description-hint"
        />
      </Field>
      <div className="grid gap-5 sm:grid-cols-3">
        <Field id="ticket-priority" label={t('ticket.priority')} error={fields.priority}>
          <select id="ticket-priority" name="priority" defaultValue="medium" className={inputClass}>
            {(['low', 'medium', 'high', 'urgent'] as const).map((priority) => (
              <option key={priority} value={priority}>
                {t(`priority.${priority}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field id="ticket-category" label={t('ticket.category')} error={fields.categoryId}>
          <select id="ticket-category" name="categoryId" defaultValue="" className={inputClass}>
            <option value="">{t('ticket.categoryNone')}</option>
            {categories.map((category) => (
              <option key={category.id} value={category.id}>
                {category.name}
              </option>
            ))}
          </select>
        </Field>
        {staff && queues.length > 0 ? (
          <Field id="ticket-queue" label={t('ticket.queue')} error={fields.queueId}>
            <select
              id="ticket-queue"
              name="queueId"
              defaultValue={queues[0]?.id}
              className={inputClass}
            >
              {queues.map((queue) => (
                <option key={queue.id} value={queue.id}>
                  {queue.name}
                </option>
              ))}
            </select>
          </Field>
        ) : null}
      </div>
      <FormStatus status={status} />
      <div>
        <button type="submit" className={buttonClass} disabled={pending || blocked}>
          {pending ? t('ticket.opening') : t('ticket.open')}
        </button>
      </div>
    </form>
  );
}
