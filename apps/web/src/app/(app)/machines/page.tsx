import { listCompanies } from '@chamados/core/companies/list-companies';
import { listMachines } from '@chamados/core/machines/machine-views';
import type { Metadata } from 'next';
import Link from 'next/link';
import { Forbidden } from '@/components/forbidden.tsx';
import { LiveRefresh, machineEvents } from '@/components/live-refresh.tsx';
import { MachineStatusBadge, Meter } from '@/components/machines/machine-badges.tsx';
import { EmptyState } from '@/components/ui/empty-state.tsx';
import { filterControlClass } from '@/components/ui/field.tsx';
import { MachineIcon } from '@/components/ui/icons.tsx';
import { PageHeader } from '@/components/ui/page-header.tsx';
import { TableHead } from '@/components/ui/table.tsx';
import { getLocale, getTranslator } from '@/server/locale.ts';
import { getRuntime } from '@/server/runtime.ts';
import { requireViewer } from '@/server/viewer.ts';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator();
  return { title: t('machines.title') };
}

type SearchParams = Record<string, string | string[] | undefined>;

const field = filterControlClass;

export default async function MachinesPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const viewer = await requireViewer('/machines');
  if (viewer.role !== 'admin' && viewer.role !== 'technician') return <Forbidden />;
  const [t, locale] = [await getTranslator(), await getLocale()];
  const { db } = getRuntime().database;
  const params = await searchParams;
  const q = typeof params.q === 'string' ? params.q : '';
  const companyId = typeof params.companyId === 'string' ? params.companyId : '';

  const query = { pageSize: '200', ...(q ? { q } : {}), ...(companyId ? { companyId } : {}) };
  const [result, companies] = await Promise.all([
    listMachines(db, viewer, query).catch(() => listMachines(db, viewer, { pageSize: '200' })),
    listCompanies(db, viewer),
  ]);
  const counts = { online: 0, offline: 0, 'never-seen': 0 };
  for (const machine of result.machines) counts[machine.status] += 1;
  const shown = result.machines.length || 1;
  const seen = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' });

  return (
    <>
      <PageHeader
        title={t('machines.title')}
        subtitle={t('machines.subtitle')}
        actions={<LiveRefresh types={machineEvents} />}
      />
      {result.total === 0 && !q && !companyId ? (
        <EmptyState
          icon={<MachineIcon className="size-6" />}
          title={t('machines.empty.title')}
          body={`${t('machines.empty.body')} ${t('machines.enrollHint')}`}
        />
      ) : (
        <>
          <section aria-label={t('machines.summary')} className="mb-4 flex flex-col gap-2">
            <div className="flex h-2.5 overflow-hidden rounded-full bg-slate-100" aria-hidden>
              <span
                className="bg-emerald-500"
                style={{ width: `${(counts.online / shown) * 100}%` }}
              />
              <span
                className="bg-red-500"
                style={{ width: `${(counts.offline / shown) * 100}%` }}
              />
              <span
                className="bg-slate-400"
                style={{ width: `${(counts['never-seen'] / shown) * 100}%` }}
              />
            </div>
            <p className="flex flex-wrap gap-4 text-sm text-slate-700">
              <span>{t('machines.count', { total: result.total })}</span>
              {(['online', 'offline', 'never-seen'] as const).map((status) => (
                <span key={status} className="flex items-center gap-1.5">
                  <MachineStatusBadge status={status} />
                  <span className="tabular-nums">{counts[status]}</span>
                </span>
              ))}
            </p>
          </section>

          <form
            method="get"
            className="mb-4 flex flex-wrap items-end gap-3 rounded-xl border border-slate-200 bg-white p-3"
          >
            <label className="flex min-w-56 flex-1 flex-col gap-1 text-xs font-medium text-slate-600">
              {t('machines.search')}
              <input type="search" name="q" defaultValue={q} maxLength={100} className={field} />
            </label>
            <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
              {t('tickets.filter.company')}
              <select name="companyId" defaultValue={companyId} className={field}>
                <option value="">{t('tickets.filter.any')}</option>
                {companies.map((company) => (
                  <option key={company.id} value={company.id}>
                    {company.name}
                  </option>
                ))}
              </select>
            </label>
            <button
              type="submit"
              className="rounded-lg bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700"
            >
              {t('tickets.filter.apply')}
            </button>
          </form>

          {result.machines.length === 0 ? (
            <EmptyState
              icon={<MachineIcon className="size-6" />}
              title={t('machines.noMatch.title')}
              body={t('machines.noMatch.body')}
            />
          ) : (
            <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
              <table className="w-full text-left text-sm" data-testid="machine-list">
                <TableHead
                  columns={[
                    { label: t('machines.col.machine') },
                    { label: t('machines.col.status') },
                    { label: t('machines.col.lastSeen') },
                    { label: t('machines.col.os') },
                    { label: t('machines.col.load') },
                    { label: t('machines.col.user') },
                  ]}
                />
                <tbody className="divide-y divide-slate-100">
                  {result.machines.map((machine) => (
                    <tr key={machine.id} className="hover:bg-slate-50">
                      <td className="px-4 py-3">
                        <Link
                          href={`/machines/${machine.id}`}
                          className="font-medium text-slate-900 hover:text-brand-700 hover:underline"
                        >
                          {machine.hostname}
                        </Link>
                        <p className="text-xs text-slate-500">{machine.company.name}</p>
                      </td>
                      <td className="px-4 py-3">
                        <MachineStatusBadge status={machine.status} />
                      </td>
                      <td className="whitespace-nowrap px-4 py-3 text-slate-600">
                        {machine.lastSeenAt
                          ? seen.format(new Date(machine.lastSeenAt))
                          : t('machines.never')}
                      </td>
                      <td className="px-4 py-3 text-slate-700">
                        {machine.os.name} {machine.os.version}
                        <p className="text-xs text-slate-500">
                          {machine.os.arch} · {t('machine.agent')} {machine.agentVersion}
                        </p>
                      </td>
                      <td className="px-4 py-3">
                        <div className="flex flex-col gap-1">
                          <Meter
                            label={t('machine.metrics.cpu')}
                            percent={machine.metrics?.cpuPercent ?? null}
                          />
                          <Meter
                            label={t('machine.metrics.memory')}
                            percent={machine.metrics?.memoryPercent ?? null}
                          />
                          <Meter
                            label={t('machine.metrics.disk')}
                            percent={machine.metrics?.diskPercent ?? null}
                          />
                        </div>
                      </td>
                      <td className="px-4 py-3 text-slate-700">{machine.loggedInUser ?? '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </>
  );
}
