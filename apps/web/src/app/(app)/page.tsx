import { listCompanies } from '@chamados/core/companies/list-companies';
import { listQueues } from '@chamados/core/queues/queues';
import { listTickets } from '@chamados/core/tickets/list-tickets';
import type { Metadata } from 'next';
import Link from 'next/link';
import { LiveRefresh } from '@/components/live-refresh.tsx';
import { PriorityLabel, SlaLabel, StatusBadge } from '@/components/tickets/badges.tsx';
import { EmptyState } from '@/components/ui/empty-state.tsx';
import { buttonClass } from '@/components/ui/field.tsx';
import { TicketIcon } from '@/components/ui/icons.tsx';
import { PageHeader } from '@/components/ui/page-header.tsx';
import { TableHead } from '@/components/ui/table.tsx';
import { getLocale, getTranslator } from '@/server/locale.ts';
import { getRuntime } from '@/server/runtime.ts';
import { requireViewer } from '@/server/viewer.ts';
import { TicketFilters } from './ticket-filters.tsx';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator();
  return { title: t('tickets.title') };
}

type SearchParams = Record<string, string | string[] | undefined>;

const filterKeys = [
  'q',
  'status',
  'priority',
  'queueId',
  'assigneeId',
  'companyId',
  'sort',
  'page',
];

function single(params: SearchParams): Record<string, string> {
  const values: Record<string, string> = {};
  for (const key of filterKeys) {
    const value = params[key];
    if (typeof value === 'string' && value !== '') values[key] = value;
  }
  return values;
}

/** The page's filters as the API's query: "active" means not yet resolved. */
function toQuery(values: Record<string, string>, pageSize: number) {
  const { status = 'active', sort = 'updated', ...rest } = values;
  return {
    ...rest,
    ...(status === 'all' ? {} : { status: status === 'active' ? 'new,open,pending' : status }),
    sort,
    order: sort === 'due' ? 'asc' : 'desc',
    pageSize: String(pageSize),
  };
}

export default async function TicketsPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const viewer = await requireViewer('/');
  const [t, locale] = [await getTranslator(), await getLocale()];
  const { db } = getRuntime().database;
  const staff = viewer.role === 'admin' || viewer.role === 'technician';
  const values = single(await searchParams);

  const pageSize = 25;
  const result = await listTickets(db, viewer, toQuery(values, pageSize)).catch(() =>
    listTickets(db, viewer, toQuery({}, pageSize)),
  );
  const [queues, companies] = staff
    ? await Promise.all([listQueues(db, viewer), listCompanies(db, viewer)])
    : [[], []];
  const pages = Math.max(1, Math.ceil(result.total / pageSize));
  const updated = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' });
  const pageHref = (page: number) =>
    `/?${new URLSearchParams({ ...values, page: String(page) }).toString()}`;
  const filtered = Object.keys(values).some((key) => key !== 'page' && key !== 'sort');

  return (
    <>
      <PageHeader
        title={
          staff
            ? t('tickets.title')
            : viewer.role === 'machine'
              ? t('tickets.machineTitle')
              : t('tickets.myTitle')
        }
        subtitle={staff ? t('tickets.subtitle.staff') : t('tickets.subtitle.requester')}
        actions={
          <div className="flex items-center gap-4">
            <LiveRefresh />
            <Link href="/tickets/new" className={buttonClass}>
              {t('tickets.new')}
            </Link>
          </div>
        }
      />
      <TicketFilters t={t} options={{ staff, queues, companies, values }} />

      {result.tickets.length === 0 ? (
        <EmptyState
          icon={<TicketIcon className="size-6" />}
          title={filtered ? t('tickets.noMatch.title') : t('tickets.empty.title')}
          body={filtered ? t('tickets.noMatch.body') : t('tickets.empty.body')}
        />
      ) : (
        <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
          <table className="w-full text-left text-sm" data-testid="ticket-list">
            <TableHead
              columns={[
                { label: t('tickets.col.ticket') },
                { label: t('ticket.status') },
                { label: t('ticket.priority') },
                ...(staff ? [{ label: t('tickets.col.requester') }] : []),
                { label: t('tickets.col.assignee') },
                { label: t('tickets.col.sla') },
                { label: t('tickets.col.updated') },
              ]}
            />
            <tbody className="divide-y divide-slate-100">
              {result.tickets.map((ticket) => {
                const clock = ticket.firstResponseAt
                  ? { clock: ticket.sla.resolution, label: t('sla.resolution') }
                  : { clock: ticket.sla.firstResponse, label: t('sla.firstResponse') };
                const rowTone =
                  clock.clock.state === 'breached'
                    ? 'bg-red-50/60'
                    : clock.clock.state === 'near'
                      ? 'bg-amber-50/60'
                      : '';
                return (
                  <tr key={ticket.id} className={`hover:bg-slate-50 ${rowTone}`}>
                    <td className="max-w-md px-4 py-3">
                      <Link
                        href={`/tickets/${ticket.id}`}
                        className="font-medium text-slate-900 hover:text-brand-700 hover:underline"
                      >
                        <span className="mr-2 font-mono text-xs text-slate-500">
                          #{ticket.number}
                        </span>
                        {ticket.subject}
                      </Link>
                      {staff ? (
                        <p className="text-xs text-slate-500">
                          {ticket.company.name}
                          {ticket.queue ? ` · ${ticket.queue.name}` : ''}
                        </p>
                      ) : null}
                    </td>
                    <td className="px-4 py-3">
                      <StatusBadge status={ticket.status} />
                    </td>
                    <td className="px-4 py-3">
                      <PriorityLabel priority={ticket.priority} />
                    </td>
                    {staff ? (
                      <td className="px-4 py-3 text-slate-700">{ticket.requester.name}</td>
                    ) : null}
                    <td className="px-4 py-3 text-slate-700">
                      {ticket.assignee?.name ?? (
                        <span className="text-slate-400">{t('tickets.unassigned')}</span>
                      )}
                    </td>
                    <td className="px-4 py-3">
                      {ticket.status === 'closed' ? null : (
                        <SlaLabel clock={clock.clock} label={clock.label} />
                      )}
                    </td>
                    <td className="whitespace-nowrap px-4 py-3 text-slate-600">
                      {updated.format(new Date(ticket.updatedAt))}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <nav
            aria-label={t('tickets.page', { page: result.page, pages })}
            className="flex items-center justify-between border-t border-slate-100 px-4 py-3 text-sm text-slate-600"
          >
            <span>
              {result.total === 1
                ? t('tickets.countOne')
                : t('tickets.count', { total: result.total })}{' '}
              · {t('tickets.page', { page: result.page, pages })}
            </span>
            <span className="flex gap-2">
              {result.page > 1 ? (
                <Link
                  className="rounded-md px-2 py-1 hover:bg-slate-100"
                  href={pageHref(result.page - 1)}
                >
                  {t('tickets.prev')}
                </Link>
              ) : null}
              {result.page < pages ? (
                <Link
                  className="rounded-md px-2 py-1 hover:bg-slate-100"
                  href={pageHref(result.page + 1)}
                >
                  {t('tickets.next')}
                </Link>
              ) : null}
            </span>
          </nav>
        </div>
      )}
    </>
  );
}
