import { listQueues } from '@chamados/core/queues/queues';
import { getTicket, type TicketDetail } from '@chamados/core/tickets/get-ticket';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { LiveRefresh } from '@/components/live-refresh.tsx';
import { PriorityLabel, SlaLabel, StatusBadge } from '@/components/tickets/badges.tsx';
import { DetailItem } from '@/components/ui/detail-item.tsx';
import type { Translate } from '@/i18n/catalog.ts';
import { getLocale, getTranslator } from '@/server/locale.ts';
import { getRuntime } from '@/server/runtime.ts';
import { requireViewer, type Viewer } from '@/server/viewer.ts';
import { MachineContextCard } from './machine-context.tsx';
import { ReplyForm } from './reply-form.tsx';
import { TicketActions } from './ticket-actions.tsx';
import { Timeline } from './timeline.tsx';

type Params = Promise<{ id: string }>;

async function load(viewer: Viewer, id: string): Promise<TicketDetail> {
  try {
    return await getTicket(getRuntime().database.db, viewer, id);
  } catch (error) {
    if ((error as { code?: string }).code === 'not_found') notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { id } = await params;
  const viewer = await requireViewer(`/tickets/${id}`);
  const ticket = await load(viewer, id);
  return { title: `#${ticket.number} ${ticket.subject}` };
}

function Sidebar({
  ticket,
  t,
  date,
}: {
  ticket: TicketDetail;
  t: Translate;
  date: Intl.DateTimeFormat;
}) {
  return (
    <dl className="grid gap-4">
      <DetailItem label={t('ticket.requester')}>
        {ticket.requester.name}
        <span className="block text-xs text-slate-500">
          {/* A ticket from a machine session: its requester is the machine itself. */}
          {ticket.machineId ? t('role.machine') : ticket.requester.email}
        </span>
      </DetailItem>
      <DetailItem label={t('ticket.company')}>{ticket.company.name}</DetailItem>
      <DetailItem label={t('ticket.queue')}>{ticket.queue?.name ?? '—'}</DetailItem>
      <DetailItem label={t('ticket.category')}>{ticket.category?.name ?? '—'}</DetailItem>
      <DetailItem label={t('ticket.assignee')}>
        {ticket.assignee?.name ?? t('tickets.unassigned')}
      </DetailItem>
      <DetailItem label={t('tickets.sort.created')}>
        {date.format(new Date(ticket.createdAt))}
      </DetailItem>
      {ticket.status === 'closed' ? null : (
        <DetailItem label={t('tickets.col.sla')}>
          <span className="flex flex-col gap-2">
            <SlaLabel clock={ticket.sla.firstResponse} label={t('sla.firstResponse')} />
            <SlaLabel clock={ticket.sla.resolution} label={t('sla.resolution')} />
          </span>
        </DetailItem>
      )}
    </dl>
  );
}

export default async function TicketPage({ params }: { params: Params }) {
  const { id } = await params;
  const viewer = await requireViewer(`/tickets/${id}`);
  const ticket = await load(viewer, id);
  const [t, locale] = [await getTranslator(), await getLocale()];
  const staff = viewer.role === 'admin' || viewer.role === 'technician';
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });

  const queues = staff ? await listQueues(getRuntime().database.db, viewer) : [];
  const members = queues.find((queue) => queue.id === ticket.queue?.id)?.members ?? [];

  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
      <div className="flex min-w-0 flex-col gap-6">
        <header className="flex flex-col gap-3">
          <div className="flex items-center justify-between gap-4">
            <p className="font-mono text-sm text-slate-500">#{ticket.number}</p>
            <LiveRefresh ticketId={ticket.id} />
          </div>
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{ticket.subject}</h1>
          <div className="flex flex-wrap items-center gap-3">
            <StatusBadge status={ticket.status} />
            <PriorityLabel priority={ticket.priority} />
          </div>
        </header>

        <article className="rounded-xl border border-slate-200 bg-white p-5">
          <h2 className="mb-2 text-xs font-medium uppercase tracking-wide text-slate-500">
            {t('ticket.description')}
          </h2>
          <div
            className="markdown"
            // biome-ignore lint/security/noDangerouslySetInnerHtml: renderMarkdown output is inert
            dangerouslySetInnerHTML={{ __html: ticket.descriptionHtml }}
          />
        </article>

        <section aria-labelledby="timeline-title" className="flex flex-col gap-4">
          <h2 id="timeline-title" className="text-base font-semibold">
            {t('ticket.timeline')}
          </h2>
          <Timeline entries={ticket.timeline} t={t} date={date} />
        </section>

        {ticket.status === 'closed' ? (
          <p className="rounded-lg border border-slate-200 bg-slate-100 px-4 py-3 text-sm text-slate-600">
            {t('ticket.closedNotice')}
          </p>
        ) : (
          <ReplyForm ticketId={ticket.id} staff={staff} />
        )}
      </div>

      <div className="flex h-fit flex-col gap-6">
        {ticket.machineContext && ticket.machineId ? (
          <MachineContextCard
            context={ticket.machineContext}
            machineId={ticket.machineId}
            t={t}
            date={date}
          />
        ) : null}
        <aside className="flex h-fit flex-col gap-5 rounded-xl border border-slate-200 bg-white p-5">
          <h2 className="text-base font-semibold">{t('ticket.details')}</h2>
          {staff ? (
            <TicketActions
              ticketId={ticket.id}
              viewerId={viewer.userId}
              status={ticket.status}
              priority={ticket.priority}
              queueId={ticket.queue?.id ?? ''}
              assigneeId={ticket.assignee?.id ?? ''}
              queues={queues.map(({ id: queueId, name }) => ({ id: queueId, name }))}
              assignees={members.map(({ id: memberId, name }) => ({ id: memberId, name }))}
            />
          ) : null}
          <Sidebar ticket={ticket} t={t} date={date} />
        </aside>
      </div>
    </div>
  );
}
