'use client';

import type { FormEvent } from 'react';
import { useT } from '@/components/i18n-provider.tsx';
import { FormStatus } from '@/components/ui/form-status.tsx';
import { useApiSubmit } from '@/lib/use-api-submit.ts';

/** Checkboxes of every technician and admin; saving replaces the queue's members. */
export function QueueMembersForm({
  queueId,
  staff,
  memberIds,
}: {
  queueId: string;
  staff: { id: string; name: string; role: string }[];
  memberIds: string[];
}) {
  const t = useT();
  const { pending, status, submit } = useApiSubmit();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const userIds = new FormData(event.currentTarget).getAll('userId').map(String);
    await submit(
      `/api/queues/${queueId}/members`,
      { userIds },
      {
        method: 'PUT',
        success: t('queues.membersSaved'),
      },
    );
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-3">
      <fieldset>
        <legend className="mb-2 text-xs font-medium uppercase tracking-wide text-slate-500">
          {t('queues.members')}
        </legend>
        {memberIds.length === 0 ? (
          <p className="mb-2 text-xs text-amber-700">{t('queues.membersNone')}</p>
        ) : null}
        <div className="flex flex-wrap gap-x-5 gap-y-2">
          {staff.map((person) => (
            <label key={person.id} className="flex items-center gap-2 text-sm text-slate-700">
              <input
                type="checkbox"
                name="userId"
                value={person.id}
                defaultChecked={memberIds.includes(person.id)}
                className="size-4 accent-brand-600"
              />
              {person.name}
              <span className="text-xs text-slate-400">{t(`role.${person.role as 'admin'}`)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="flex items-center gap-3">
        <button
          type="submit"
          disabled={pending}
          className="rounded-lg border border-slate-300 px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50 disabled:opacity-60"
        >
          {t('queues.editMembers')}
        </button>
        <FormStatus status={status} />
      </div>
    </form>
  );
}
