'use client';

import { useT } from '@/components/i18n-provider.tsx';
import { Field, inputClass } from '@/components/ui/field.tsx';
import { FormStatus } from '@/components/ui/form-status.tsx';
import { useApiSubmit } from '@/lib/use-api-submit.ts';

const statuses = ['new', 'open', 'pending', 'resolved', 'closed'] as const;
const priorities = ['low', 'medium', 'high', 'urgent'] as const;

interface Option {
  id: string;
  name: string;
}

/** Staff's quick actions: each change is saved as soon as it is made. */
export function TicketActions(props: {
  ticketId: string;
  viewerId: string;
  status: string;
  priority: string;
  queueId: string;
  assigneeId: string;
  queues: Option[];
  assignees: Option[];
}) {
  const t = useT();
  const { pending, status, submit } = useApiSubmit();
  const change = (body: Record<string, string | null>) =>
    submit(`/api/tickets/${props.ticketId}`, body, { method: 'PATCH', success: t('ticket.saved') });

  const assignees = props.assignees.some((option) => option.id === props.assigneeId)
    ? props.assignees
    : props.assigneeId
      ? [...props.assignees, { id: props.assigneeId, name: '…' }]
      : props.assignees;

  return (
    <div className="flex flex-col gap-4 border-b border-slate-100 pb-5">
      {props.assigneeId !== props.viewerId && props.status !== 'closed' ? (
        <button
          type="button"
          disabled={pending}
          onClick={() => change({ assigneeId: props.viewerId })}
          className="rounded-lg border border-brand-600 px-3 py-1.5 text-sm font-semibold text-brand-700 hover:bg-brand-50 disabled:opacity-60"
        >
          {t('ticket.assignMe')}
        </button>
      ) : null}
      <Field id="action-status" label={t('ticket.status')}>
        <select
          id="action-status"
          value={props.status}
          disabled={pending || props.status === 'closed'}
          onChange={(event) => change({ status: event.target.value })}
          className={inputClass}
        >
          {statuses.map((value) => (
            <option key={value} value={value}>
              {t(`status.${value}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field id="action-priority" label={t('ticket.priority')}>
        <select
          id="action-priority"
          value={props.priority}
          disabled={pending}
          onChange={(event) => change({ priority: event.target.value })}
          className={inputClass}
        >
          {priorities.map((value) => (
            <option key={value} value={value}>
              {t(`priority.${value}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field id="action-assignee" label={t('ticket.assignee')}>
        <select
          id="action-assignee"
          value={props.assigneeId}
          disabled={pending}
          onChange={(event) => change({ assigneeId: event.target.value || null })}
          className={inputClass}
        >
          <option value="">{t('tickets.unassigned')}</option>
          {assignees.map((option) => (
            <option key={option.id} value={option.id}>
              {option.name}
            </option>
          ))}
        </select>
      </Field>
      <Field id="action-queue" label={t('ticket.queue')}>
        <select
          id="action-queue"
          value={props.queueId}
          disabled={pending}
          onChange={(event) => change({ queueId: event.target.value })}
          className={inputClass}
        >
          {props.queues.map((queue) => (
            <option key={queue.id} value={queue.id}>
              {queue.name}
            </option>
          ))}
        </select>
      </Field>
      <FormStatus status={status} />
    </div>
  );
}
