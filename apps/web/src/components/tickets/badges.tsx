'use client';

import type { TicketSummary } from '@chamados/core/tickets/present';
import type { SlaClock } from '@chamados/core/tickets/sla';
import { useLocale, useT } from '../i18n-provider.tsx';

const statusStyle: Record<TicketSummary['status'], string> = {
  new: 'bg-sky-50 text-sky-800 ring-sky-200',
  open: 'bg-brand-50 text-brand-700 ring-brand-100',
  pending: 'bg-amber-50 text-amber-800 ring-amber-200',
  resolved: 'bg-emerald-50 text-emerald-800 ring-emerald-200',
  closed: 'bg-slate-100 text-slate-600 ring-slate-200',
};

const priorityStyle: Record<TicketSummary['priority'], string> = {
  low: 'text-slate-600',
  medium: 'text-slate-800',
  high: 'text-orange-700 font-semibold',
  urgent: 'text-red-700 font-semibold',
};

const priorityDot: Record<TicketSummary['priority'], string> = {
  low: 'bg-slate-300',
  medium: 'bg-sky-400',
  high: 'bg-orange-500',
  urgent: 'bg-red-600',
};

const slaStyle: Record<SlaClock['state'], string> = {
  met: 'text-emerald-700',
  ok: 'text-slate-700',
  near: 'text-amber-700 font-semibold',
  breached: 'text-red-700 font-semibold',
  paused: 'text-slate-500',
};

const slaIcon: Record<SlaClock['state'], string> = {
  met: '✓',
  ok: '◷',
  near: '⚠',
  breached: '⨯',
  paused: '⏸',
};

export function StatusBadge({ status }: { status: TicketSummary['status'] }) {
  const t = useT();
  return (
    <span
      className={`inline-flex whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${statusStyle[status]}`}
    >
      {t(`status.${status}`)}
    </span>
  );
}

export function PriorityLabel({ priority }: { priority: TicketSummary['priority'] }) {
  const t = useT();
  return (
    <span className={`inline-flex items-center gap-1.5 text-sm ${priorityStyle[priority]}`}>
      <span aria-hidden className={`size-2 rounded-full ${priorityDot[priority]}`} />
      {t(`priority.${priority}`)}
    </span>
  );
}

/** One SLA clock: its state in words and colour, and when it is due. */
export function SlaLabel({ clock, label }: { clock: SlaClock; label?: string }) {
  const t = useT();
  const locale = useLocale();
  const due = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' }).format(
    new Date(clock.dueAt),
  );
  return (
    <span className={`inline-flex flex-col text-xs leading-tight ${slaStyle[clock.state]}`}>
      <span>
        <span aria-hidden>{slaIcon[clock.state]} </span>
        {label ? `${label}: ` : ''}
        {t(`sla.${clock.state}`)}
      </span>
      <span className="text-slate-500">
        {t('sla.due')} {due}
      </span>
    </span>
  );
}
