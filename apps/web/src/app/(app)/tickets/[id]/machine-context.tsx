import type { MachineContext } from '@chamados/core/machines/machine-context';
import Link from 'next/link';
import { MachineStatusBadge, Meter } from '@/components/machines/machine-badges.tsx';
import type { MessageKey, Translate } from '@/i18n/catalog.ts';

const gigabytes = (bytes: number) => `${(bytes / 1e9).toFixed(1)} GB`;

/** The machine as it was when its ticket was opened, for the technician. */
export function MachineContextCard({
  context,
  machineId,
  t,
  date,
}: {
  context: MachineContext;
  machineId: string;
  t: Translate;
  date: Intl.DateTimeFormat;
}) {
  const memory = context.memory
    ? (context.memory.usedBytes / Math.max(1, context.memory.totalBytes)) * 100
    : null;
  return (
    <section
      aria-labelledby="machine-context"
      className="flex flex-col gap-3 rounded-xl border border-sky-200 bg-sky-50/50 p-5"
      data-testid="machine-context"
    >
      <h2 id="machine-context" className="text-base font-semibold">
        {t('ticket.machineContext')}
      </h2>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <Link
          href={`/machines/${machineId}`}
          className="font-medium text-brand-700 hover:underline"
        >
          {context.hostname}
        </Link>
        <MachineStatusBadge status={context.status} />
      </div>
      <p className="text-xs text-slate-600">
        {context.os} · {t('machine.agent')} {context.agentVersion}
        {context.loggedInUser ? ` · ${context.loggedInUser}` : ''}
        <br />
        {t('machines.col.lastSeen')}:{' '}
        {context.lastSeenAt ? date.format(new Date(context.lastSeenAt)) : t('machines.never')}
      </p>
      <div className="grid gap-1.5">
        <Meter label={t('machine.metrics.cpu')} percent={context.cpuPercent} showLabel />
        <Meter label={t('machine.metrics.memory')} percent={memory} showLabel />
        {context.load ? (
          <span className="text-xs text-slate-600">
            load {context.load.map((value) => value.toFixed(2)).join(' · ')}
          </span>
        ) : null}
        {context.disks.map((disk) => (
          <span key={disk.mount} className="text-xs text-slate-600">
            {t('ticket.machineContext.disk', { mount: disk.mount })}: {gigabytes(disk.freeBytes)} /{' '}
            {gigabytes(disk.totalBytes)}
          </span>
        ))}
      </div>
      {context.recentChanges.length > 0 ? (
        <div>
          <h3 className="mb-1 text-xs font-medium uppercase tracking-wide text-slate-500">
            {t('ticket.machineContext.changes')}
          </h3>
          <ul className="flex flex-col gap-1 text-xs text-slate-700">
            {context.recentChanges.slice(0, 8).map((change) => (
              <li key={`${change.at}-${change.kind}-${change.name}`}>
                {t(`machine.change.${change.kind}` as MessageKey)}: <strong>{change.name}</strong>{' '}
                {change.to ?? change.from ?? ''}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
