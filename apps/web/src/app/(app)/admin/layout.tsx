import type { ReactNode } from 'react';
import { Forbidden } from '@/components/forbidden.tsx';
import { NavLinks } from '@/components/nav-links.tsx';
import { getTranslator } from '@/server/locale.ts';
import { requireViewer } from '@/server/viewer.ts';

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const viewer = await requireViewer('/admin');
  if (viewer.role !== 'admin') return <Forbidden />;
  const t = await getTranslator();

  return (
    <div className="flex flex-col gap-6">
      <div className="border-b border-slate-200 pb-3">
        <NavLinks
          label={t('admin.tabs')}
          items={[
            { href: '/admin/companies', label: t('admin.companies') },
            { href: '/admin/users', label: t('admin.users') },
            { href: '/admin/queues', label: t('admin.queues') },
            { href: '/admin/categories', label: t('admin.categories') },
            { href: '/admin/sla', label: t('admin.sla') },
            { href: '/admin/enrollment', label: t('admin.enrollment') },
          ]}
        />
      </div>
      {children}
    </div>
  );
}
