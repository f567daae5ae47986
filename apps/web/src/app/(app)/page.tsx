import type { Metadata } from 'next';
import { EmptyState } from '@/components/ui/empty-state.tsx';
import { TicketIcon } from '@/components/ui/icons.tsx';
import { PageHeader } from '@/components/ui/page-header.tsx';
import { getTranslator } from '@/server/locale.ts';
import { requireViewer } from '@/server/viewer.ts';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator();
  return { title: t('tickets.title') };
}

// Tickets are not stored yet; this page is their home and shows the state a new installation
// is in. See "Known limitations" in the README.
export default async function TicketsPage() {
  const viewer = await requireViewer('/');
  const t = await getTranslator();
  const staff = viewer.role === 'admin' || viewer.role === 'technician';

  return (
    <>
      <PageHeader
        title={t('tickets.title')}
        subtitle={staff ? t('tickets.subtitle.staff') : t('tickets.subtitle.requester')}
      />
      <EmptyState
        icon={<TicketIcon className="size-6" />}
        title={t('tickets.empty.title')}
        body={t('tickets.empty.body')}
      />
    </>
  );
}
