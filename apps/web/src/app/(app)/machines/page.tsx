import type { Metadata } from 'next';
import { Forbidden } from '@/components/forbidden.tsx';
import { EmptyState } from '@/components/ui/empty-state.tsx';
import { MachineIcon } from '@/components/ui/icons.tsx';
import { PageHeader } from '@/components/ui/page-header.tsx';
import { getTranslator } from '@/server/locale.ts';
import { requireViewer } from '@/server/viewer.ts';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator();
  return { title: t('machines.title') };
}

// Machines cannot enrol yet; this page is the fleet's home and shows the state a new
// installation is in. See "Known limitations" in the README.
export default async function MachinesPage() {
  const viewer = await requireViewer('/machines');
  if (viewer.role !== 'admin' && viewer.role !== 'technician') return <Forbidden />;
  const t = await getTranslator();

  return (
    <>
      <PageHeader title={t('machines.title')} subtitle={t('machines.subtitle')} />
      <EmptyState
        icon={<MachineIcon className="size-6" />}
        title={t('machines.empty.title')}
        body={t('machines.empty.body')}
      />
    </>
  );
}
