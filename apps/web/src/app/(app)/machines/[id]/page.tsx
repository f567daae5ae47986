import { getMachine } from '@chamados/core/machines/machine-views';
import { listTickets } from '@chamados/core/tickets/list-tickets';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Forbidden } from '@/components/forbidden.tsx';
import { LiveRefresh, machineEvents } from '@/components/live-refresh.tsx';
import { MachineStatusBadge, Meter } from '@/components/machines/machine-badges.tsx';
import { MetricsChart } from '@/components/machines/metrics-chart.tsx';
import { StatusBadge } from '@/components/tickets/badges.tsx';
import { DetailItem } from '@/components/ui/detail-item.tsx';
import type { MessageKey } from '@/i18n/catalog.ts';
import { getLocale, getTranslator } from '@/server/locale.ts';
import { getRuntime } from '@/server/runtime.ts';
import { requireViewer } from '@/server/viewer.ts';
import { RevokeTokenButton } from './revoke-token-button.tsx';

type Params = Promise<{ id: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { id } = await params;
  const viewer = await requireViewer(`/machines/${id}`);
  const machine = await getMachine(getRuntime().database.db, viewer, id).catch(() => null);
  return { title: machine?.hostname ?? '404' };
}

const card = 'rounded-xl border border-slate-200 bg-white p-5';

export default async function MachinePage({ params }: { params: Params }) {
  const { id } = await params;
  const viewer = await requireViewer(`/machines/${id}`);
  if (viewer.role !== 'admin' && viewer.role !== 'technician') return <Forbidden />;
  const { db } = getRuntime().database;
  const machine = await getMachine(db, viewer, id).catch((error: { code?: string }) => {
    if (error.code === 'not_found') notFound();
    throw error;
  });
  const [t, locale] = [await getTranslator(), await getLocale()];
  const tickets = await listTickets(db, viewer, { machineId: id, pageSize: '10' });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const hour = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' });
  const now = new Date();

  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-wrap items-center justify-between gap-4">
        <div className="flex flex-col gap-2">
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">
            {machine.hostname}
          </h1>
          <div className="flex items-center gap-3 text-sm text-slate-600">
            <MachineStatusBadge status={machine.status} />
            <span>
              {t('machines.col.lastSeen')}:{' '}
              {machine.lastSeenAt ? date.format(new Date(machine.lastSeenAt)) : t('machines.never')}
            </span>
          </div>
        </div>
        <LiveRefresh types={machineEvents} machineId={machine.id} />
      </header>

      <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
        <div className="flex min-w-0 flex-col gap-6">
          <section className={card} aria-labelledby="now">
            <h2 id="now" className="mb-4 text-base font-semibold">
              {t('machine.metrics')}
            </h2>
            {machine.metrics ? (
              <div className="grid gap-3 sm:grid-cols-3">
                <DetailItem label={t('machine.metrics.cpu')}>
                  <Meter label={t('machine.metrics.cpu')} percent={machine.metrics.cpuPercent} />
                </DetailItem>
                <DetailItem label={t('machine.metrics.memory')}>
                  <Meter
                    label={t('machine.metrics.memory')}
                    percent={machine.metrics.memoryPercent}
                  />
                </DetailItem>
                <DetailItem label={t('machine.metrics.disk')}>
                  <Meter label={t('machine.metrics.disk')} percent={machine.metrics.diskPercent} />
                </DetailItem>
              </div>
            ) : (
              <p className="text-sm text-slate-500">{t('machine.metrics.none')}</p>
            )}
            <h3 className="mb-2 mt-6 text-sm font-semibold text-slate-700">
              {t('machine.history')}
            </h3>
            {machine.history.length > 0 ? (
              <MetricsChart
                title={t('machine.history')}
                hours={24}
                now={now}
                formatTime={(at) => hour.format(at)}
                series={[
                  {
                    label: t('machine.metrics.cpu'),
                    stroke: 'stroke-brand-600',
                    points: machine.history.map((sample) => ({
                      at: sample.at,
                      value: sample.cpuPercent ?? null,
                    })),
                  },
                  {
                    label: t('machine.metrics.memory'),
                    stroke: 'stroke-amber-500',
                    points: machine.history.map((sample) => ({
                      at: sample.at,
                      value: sample.memoryPercent ?? null,
                    })),
                  },
                ]}
              />
            ) : (
              <p className="text-sm text-slate-500">{t('machine.history.empty')}</p>
            )}
          </section>

          <section className={card} aria-labelledby="machine-tickets">
            <h2 id="machine-tickets" className="mb-3 text-base font-semibold">
              {t('machine.tickets')}
            </h2>
            {tickets.tickets.length === 0 ? (
              <p className="text-sm text-slate-500">{t('machine.tickets.none')}</p>
            ) : (
              <ul className="divide-y divide-slate-100">
                {tickets.tickets.map((ticket) => (
                  <li key={ticket.id} className="flex items-center gap-3 py-2 text-sm">
                    <StatusBadge status={ticket.status} />
                    <Link
                      href={`/tickets/${ticket.id}`}
                      className="hover:text-brand-700 hover:underline"
                    >
                      <span className="mr-2 font-mono text-xs text-slate-500">
                        #{ticket.number}
                      </span>
                      {ticket.subject}
                    </Link>
                    <span className="ml-auto text-xs text-slate-500">
                      {date.format(new Date(ticket.createdAt))}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>

          <section className={card} aria-labelledby="changes">
            <h2 id="changes" className="mb-3 text-base font-semibold">
              {t('machine.changes')}
            </h2>
            {machine.changes.length === 0 ? (
              <p className="text-sm text-slate-500">{t('machine.changes.none')}</p>
            ) : (
              <ul className="divide-y divide-slate-100 text-sm">
                {machine.changes.map((change) => (
                  <li
                    key={`${change.at}-${change.kind}-${change.name}`}
                    className="flex flex-wrap gap-x-3 py-2"
                  >
                    <span className="w-24 text-xs font-medium text-slate-500">
                      {t(`machine.change.${change.kind}` as MessageKey)}
                    </span>
                    <span className="font-medium text-slate-800">{change.name}</span>
                    <span className="text-slate-600">
                      {change.from ?? ''} {change.from && change.to ? '→' : ''} {change.to ?? ''}
                    </span>
                    <span className="ml-auto text-xs text-slate-500">
                      {date.format(new Date(change.at))}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>

        <aside className="flex h-fit flex-col gap-5">
          <section className={card} aria-labelledby="identity">
            <h2 id="identity" className="mb-4 text-base font-semibold">
              {t('machine.identity')}
            </h2>
            <dl className="grid gap-4">
              <DetailItem label={t('machine.company')}>{machine.company.name}</DetailItem>
              <DetailItem label={t('machine.os')}>
                {machine.os.name} {machine.os.version} {machine.os.build ?? ''} ({machine.os.arch})
              </DetailItem>
              <DetailItem label={t('machine.agent')}>{machine.agentVersion}</DetailItem>
              <DetailItem label={t('machine.user')}>{machine.loggedInUser ?? '—'}</DetailItem>
              <DetailItem label={t('machine.enrolled')}>
                {date.format(new Date(machine.enrolledAt))}
              </DetailItem>
              <DetailItem label={t('machine.fingerprint')}>
                {t(`machine.rule.${machine.fingerprintRule}` as MessageKey)}
              </DetailItem>
              <DetailItem label={t('machine.identifiers')}>
                <pre className="whitespace-pre-wrap break-all rounded bg-slate-50 p-2 font-mono text-xs text-slate-700">
                  {JSON.stringify(machine.identifiers, null, 2)}
                </pre>
              </DetailItem>
            </dl>
          </section>
          <section className={card} aria-labelledby="token">
            <h2 id="token" className="mb-4 text-base font-semibold">
              {t('machine.token')}
            </h2>
            {machine.token ? (
              <dl className="grid gap-4">
                <DetailItem label={t('enrollment.col.state')}>
                  {t(`machine.token.${machine.token.state}`)}
                </DetailItem>
                <DetailItem label={t('machine.token.age')}>
                  {date.format(new Date(machine.token.createdAt))}
                </DetailItem>
                <DetailItem label={t('machine.token.lastUse')}>
                  {machine.token.lastUsedAt
                    ? date.format(new Date(machine.token.lastUsedAt))
                    : t('machines.never')}
                </DetailItem>
                <DetailItem label={t('machine.token.expires')}>
                  {date.format(new Date(machine.token.expiresAt))}
                </DetailItem>
              </dl>
            ) : (
              <p className="text-sm text-slate-500">{t('machine.token.none')}</p>
            )}
            {viewer.role === 'admin' && machine.token?.state === 'active' ? (
              <RevokeTokenButton machineId={machine.id} />
            ) : null}
          </section>
        </aside>
      </div>
    </div>
  );
}
