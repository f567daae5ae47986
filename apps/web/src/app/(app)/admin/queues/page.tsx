import { listQueues } from '@chamados/core/queues/queues';
import { listUsers } from '@chamados/core/users/list-users';
import type { Metadata } from 'next';
import { SimpleCreateForm } from '@/components/simple-create-form.tsx';
import { PageHeader } from '@/components/ui/page-header.tsx';
import { getTranslator } from '@/server/locale.ts';
import { getRuntime } from '@/server/runtime.ts';
import { requireViewer } from '@/server/viewer.ts';
import { QueueMembersForm } from './queue-members-form.tsx';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator();
  return { title: t('admin.queues') };
}

export default async function QueuesPage() {
  const viewer = await requireViewer('/admin/queues');
  const t = await getTranslator();
  const { db } = getRuntime().database;
  const [queues, technicians, admins] = await Promise.all([
    listQueues(db, viewer),
    listUsers(db, viewer, { role: 'technician', limit: 200 }),
    listUsers(db, viewer, { role: 'admin', limit: 200 }),
  ]);
  const staff = [...technicians.users, ...admins.users].map(({ id, name, role }) => ({
    id,
    name,
    role,
  }));

  return (
    <>
      <PageHeader title={t('admin.queues')} subtitle={t('queues.subtitle')} />
      <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
        <ul className="flex flex-col gap-4">
          {queues.map((queue) => (
            <li key={queue.id} className="rounded-xl border border-slate-200 bg-white p-5">
              <div className="mb-3 flex flex-wrap items-center gap-2">
                <h2 className="text-base font-semibold text-slate-900">{queue.name}</h2>
                {queue.isDefault ? (
                  <span className="rounded-full bg-brand-50 px-2 py-0.5 text-xs font-medium text-brand-700">
                    {t('queues.default')}
                  </span>
                ) : null}
              </div>
              {queue.description ? (
                <p className="mb-3 text-sm text-slate-600">{queue.description}</p>
              ) : null}
              <QueueMembersForm
                queueId={queue.id}
                staff={staff}
                memberIds={queue.members.map((member) => member.id)}
              />
            </li>
          ))}
        </ul>
        <SimpleCreateForm
          id="new-queue"
          title={t('queues.new')}
          submit={t('queues.create')}
          endpoint="/api/queues"
          created={t('queues.created')}
          fields={[
            { name: 'name', label: t('queues.name'), required: true, maxLength: 80 },
            {
              name: 'description',
              label: t('queues.description'),
              multiline: true,
              maxLength: 500,
            },
          ]}
        />
      </div>
    </>
  );
}
