import { listCategories } from '@chamados/core/categories/categories';
import type { Metadata } from 'next';
import { SimpleCreateForm } from '@/components/simple-create-form.tsx';
import { EmptyState } from '@/components/ui/empty-state.tsx';
import { TicketIcon } from '@/components/ui/icons.tsx';
import { PageHeader } from '@/components/ui/page-header.tsx';
import { getTranslator } from '@/server/locale.ts';
import { getRuntime } from '@/server/runtime.ts';
import { requireViewer } from '@/server/viewer.ts';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator();
  return { title: t('admin.categories') };
}

export default async function CategoriesPage() {
  await requireViewer('/admin/categories');
  const t = await getTranslator();
  const categories = await listCategories(getRuntime().database.db);

  return (
    <>
      <PageHeader title={t('admin.categories')} subtitle={t('categories.subtitle')} />
      <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
        {categories.length === 0 ? (
          <EmptyState
            icon={<TicketIcon className="size-6" />}
            title={t('categories.empty.title')}
            body={t('categories.empty.body')}
          />
        ) : (
          <ul className="h-fit divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white">
            {categories.map((category) => (
              <li key={category.id} className="px-4 py-3 text-sm font-medium text-slate-800">
                {category.name}
              </li>
            ))}
          </ul>
        )}
        <SimpleCreateForm
          id="new-category"
          title={t('categories.new')}
          submit={t('categories.create')}
          endpoint="/api/categories"
          created={t('categories.created')}
          fields={[{ name: 'name', label: t('categories.name'), required: true, maxLength: 80 }]}
        />
      </div>
    </>
  );
}
