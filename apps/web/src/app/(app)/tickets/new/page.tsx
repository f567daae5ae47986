import { listCategories } from '@chamados/core/categories/categories';
import { listQueues } from '@chamados/core/queues/queues';
import { listRequesterChoices } from '@chamados/core/users/list-users';
import type { Metadata } from 'next';
import { PageHeader } from '@/components/ui/page-header.tsx';
import { getTranslator } from '@/server/locale.ts';
import { getRuntime } from '@/server/runtime.ts';
import { requireViewer } from '@/server/viewer.ts';
import { NewTicketForm } from './new-ticket-form.tsx';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator();
  return { title: t('tickets.new') };
}

export default async function NewTicketPage() {
  const viewer = await requireViewer('/tickets/new');
  const t = await getTranslator();
  const { db } = getRuntime().database;
  const staff = viewer.role === 'admin' || viewer.role === 'technician';

  const categories = await listCategories(db);
  let requesters: { id: string; label: string }[] = [];
  let queues: { id: string; name: string }[] = [];
  if (staff) {
    const all = await listQueues(db, viewer);
    queues = all
      .filter(
        (queue) =>
          viewer.role === 'admin' || queue.members.some((member) => member.id === viewer.userId),
      )
      .map(({ id, name }) => ({ id, name }));
  }
  if (staff) {
    const choices = await listRequesterChoices(db, viewer);
    requesters = choices.map((user) => ({ id: user.id, label: `${user.name} <${user.email}>` }));
  }

  return (
    <>
      <PageHeader title={t('tickets.new')} />
      <NewTicketForm
        staff={staff}
        canChooseRequester={staff}
        categories={categories.map(({ id, name }) => ({ id, name }))}
        queues={queues}
        requesters={requesters}
      />
    </>
  );
}
