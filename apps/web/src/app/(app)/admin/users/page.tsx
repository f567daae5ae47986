import { listCompanies } from '@chamados/core/companies/list-companies';
import { listUsers } from '@chamados/core/users/list-users';
import type { Metadata } from 'next';
import { EmptyState } from '@/components/ui/empty-state.tsx';
import { UsersIcon } from '@/components/ui/icons.tsx';
import { PageHeader } from '@/components/ui/page-header.tsx';
import { TableHead } from '@/components/ui/table.tsx';
import { getLocale, getTranslator } from '@/server/locale.ts';
import { getRuntime } from '@/server/runtime.ts';
import { requireViewer } from '@/server/viewer.ts';
import { UserForm } from './user-form.tsx';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator();
  return { title: t('admin.users') };
}

const roleBadge: Record<string, string> = {
  admin: 'bg-purple-50 text-purple-700 ring-purple-200',
  technician: 'bg-sky-50 text-sky-700 ring-sky-200',
  requester: 'bg-slate-50 text-slate-700 ring-slate-200',
  machine: 'bg-amber-50 text-amber-700 ring-amber-200',
};

export default async function UsersPage() {
  const viewer = await requireViewer('/admin/users');
  const [t, locale] = [await getTranslator(), await getLocale()];
  const { db } = getRuntime().database;
  const [companies, page] = await Promise.all([
    listCompanies(db, viewer),
    listUsers(db, viewer, { limit: 200 }),
  ]);
  const companyName = new Map(companies.map((company) => [company.id, company.name]));
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  const onlyViewer = page.users.length === 1 && page.users[0]?.id === viewer.userId;

  return (
    <>
      <PageHeader title={t('admin.users')} subtitle={t('users.subtitle')} />
      <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
        <section aria-labelledby="users-list" className="flex flex-col gap-4">
          <h2 id="users-list" className="sr-only">
            {t('users.list')}
          </h2>
          <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
            <table className="w-full text-left text-sm">
              <TableHead
                columns={[
                  { label: t('users.name') },
                  { label: t('users.role') },
                  { label: t('users.company') },
                  { label: t('users.createdAt') },
                ]}
              />
              <tbody className="divide-y divide-slate-100">
                {page.users.map((user) => (
                  <tr key={user.id}>
                    <td className="px-4 py-3">
                      <p className="font-medium text-slate-900">{user.name}</p>
                      <p className="text-xs text-slate-500">{user.email}</p>
                    </td>
                    <td className="px-4 py-3">
                      <span
                        className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${roleBadge[user.role]}`}
                      >
                        {t(`role.${user.role}`)}
                      </span>
                    </td>
                    <td className="px-4 py-3 text-slate-700">
                      {user.companyId ? (
                        companyName.get(user.companyId)
                      ) : (
                        <span className="text-slate-400">{t('users.companyStaff')}</span>
                      )}
                    </td>
                    <td className="px-4 py-3 text-slate-600">{date.format(user.createdAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {onlyViewer ? (
            <EmptyState
              icon={<UsersIcon className="size-6" />}
              title={t('users.empty.title')}
              body={t('users.empty.body')}
            />
          ) : null}
        </section>
        <UserForm companies={companies.map(({ id, name }) => ({ id, name }))} />
      </div>
    </>
  );
}
