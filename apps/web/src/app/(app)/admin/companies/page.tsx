import { listCompanySummaries } from '@chamados/core/companies/list-company-summaries';
import type { Metadata } from 'next';
import { SimpleCreateForm } from '@/components/simple-create-form.tsx';
import { EmptyState } from '@/components/ui/empty-state.tsx';
import { BuildingIcon } from '@/components/ui/icons.tsx';
import { PageHeader } from '@/components/ui/page-header.tsx';
import { TableHead } from '@/components/ui/table.tsx';
import { getLocale, getTranslator } from '@/server/locale.ts';
import { getRuntime } from '@/server/runtime.ts';
import { requireViewer } from '@/server/viewer.ts';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator();
  return { title: t('admin.companies') };
}

export default async function CompaniesPage() {
  const viewer = await requireViewer('/admin/companies');
  const [t, locale] = [await getTranslator(), await getLocale()];
  const companies = await listCompanySummaries(getRuntime().database.db, viewer);
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });

  return (
    <>
      <PageHeader title={t('admin.companies')} subtitle={t('companies.subtitle')} />
      <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
        <section aria-labelledby="companies-list">
          <h2 id="companies-list" className="sr-only">
            {t('companies.list')}
          </h2>
          {companies.length === 0 ? (
            <EmptyState
              icon={<BuildingIcon className="size-6" />}
              title={t('companies.empty.title')}
              body={t('companies.empty.body')}
            />
          ) : (
            <div className="overflow-hidden rounded-xl border border-slate-200 bg-white">
              <table className="w-full text-left text-sm">
                <TableHead
                  columns={[
                    { label: t('companies.name') },
                    { label: t('companies.slug') },
                    { label: t('companies.users'), align: 'right' },
                    { label: t('companies.createdAt') },
                  ]}
                />
                <tbody className="divide-y divide-slate-100">
                  {companies.map((company) => (
                    <tr key={company.id}>
                      <td className="px-4 py-3 font-medium text-slate-900">{company.name}</td>
                      <td className="px-4 py-3 font-mono text-xs text-slate-600">{company.slug}</td>
                      <td className="px-4 py-3 text-right tabular-nums">{company.userCount}</td>
                      <td className="px-4 py-3 text-slate-600">{date.format(company.createdAt)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
        <SimpleCreateForm
          id="new-company"
          title={t('companies.new')}
          submit={t('companies.create')}
          endpoint="/api/companies"
          created={t('companies.created')}
          fields={[
            { name: 'name', label: t('companies.name'), required: true, maxLength: 120 },
            {
              name: 'slug',
              label: t('companies.slug'),
              hint: t('companies.slugHint'),
              optional: true,
              monospace: true,
              pattern: '[a-z0-9]([a-z0-9\\-]{0,62}[a-z0-9])?',
              maxLength: 64,
            },
          ]}
        />
      </div>
    </>
  );
}
