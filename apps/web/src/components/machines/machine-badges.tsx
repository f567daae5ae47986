'use client';

import type { MachineStatus } from '@chamados/core/machines/machine-views';
import { useT } from '../i18n-provider.tsx';

const statusStyle: Record<MachineStatus, { badge: string; dot: string }> = {
  online: { badge: 'bg-emerald-50 text-emerald-800 ring-emerald-200', dot: 'bg-emerald-500' },
  offline: { badge: 'bg-red-50 text-red-800 ring-red-200', dot: 'bg-red-500' },
  'never-seen': { badge: 'bg-slate-100 text-slate-600 ring-slate-200', dot: 'bg-slate-400' },
};

export function MachineStatusBadge({ status }: { status: MachineStatus }) {
  const t = useT();
  return (
    <span
      className={`inline-flex items-center gap-1.5 whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${statusStyle[status].badge}`}
    >
      <span aria-hidden className={`size-1.5 rounded-full ${statusStyle[status].dot}`} />
      {t(`machines.status.${status}`)}
    </span>
  );
}

/** A small horizontal gauge: green, amber past 75 %, red past 90 %. */
export function Meter({
  label,
  percent,
  showLabel = false,
}: {
  label: string;
  percent: number | null;
  /** Writes the label beside the gauge; otherwise only screen readers get it. */
  showLabel?: boolean;
}) {
  if (percent === null) return <span className="text-xs text-slate-400">—</span>;
  const value = Math.max(0, Math.min(100, percent));
  const tone = value >= 90 ? 'bg-red-500' : value >= 75 ? 'bg-amber-500' : 'bg-emerald-500';
  return (
    <span className="flex items-center gap-2" title={`${label}: ${Math.round(value)}%`}>
      <span className={showLabel ? 'w-16 text-xs text-slate-600' : 'sr-only'}>{label}</span>
      <span aria-hidden className="h-1.5 w-14 overflow-hidden rounded-full bg-slate-200">
        <span className={`block h-full ${tone}`} style={{ width: `${value}%` }} />
      </span>
      <span className="w-9 text-right text-xs tabular-nums text-slate-600">
        {Math.round(value)}%
      </span>
    </span>
  );
}
