import { listCompanies } from '@chamados/core/companies/list-companies';
import { listEnrollmentSecrets } from '@chamados/core/machines/enrollment-secrets';
import type { Metadata } from 'next';
import { EmptyState } from '@/components/ui/empty-state.tsx';
import { LockIcon } from '@/components/ui/icons.tsx';
import { PageHeader } from '@/components/ui/page-header.tsx';
import { TableHead } from '@/components/ui/table.tsx';
import { getLocale, getTranslator } from '@/server/locale.ts';
import { getRuntime } from '@/server/runtime.ts';
import { requireViewer } from '@/server/viewer.ts';
import { EnrollmentSecretForm } from './enrollment-secret-form.tsx';
import { RevokeSecretButton } from './revoke-secret-button.tsx';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator();
  return { title: t('admin.enrollment') };
}

export default async function EnrollmentPage() {
  const viewer = await requireViewer('/admin/enrollment');
  const [t, locale] = [await getTranslator(), await getLocale()];
  const runtime = getRuntime();
  const { db } = runtime.database;
  const [secrets, companies] = await Promise.all([
    listEnrollmentSecrets(db, viewer),
    listCompanies(db, viewer),
  ]);
  const companyName = new Map(companies.map((company) => [company.id, company.name]));
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' });
  const globalOn = runtime.provisioning.secret !== null;

  return (
    <>
      <PageHeader title={t('admin.enrollment')} subtitle={t('enrollment.subtitle')} />
      <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
        <div className="flex min-w-0 flex-col gap-4">
          <p
            className={`rounded-lg border px-4 py-3 text-sm ${
              globalOn
                ? 'border-slate-200 bg-white text-slate-700'
                : 'border-amber-300 bg-amber-50 text-amber-900'
            }`}
          >
            <strong className="font-semibold">{t('enrollment.global')}: </strong>
            {globalOn ? t('enrollment.global.on') : t('enrollment.global.off')}
          </p>
          {secrets.length === 0 ? (
            <EmptyState
              icon={<LockIcon className="size-6" />}
              title={t('enrollment.empty.title')}
              body={t('enrollment.empty.body')}
            />
          ) : (
            <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
              <table className="w-full text-left text-sm">
                <TableHead
                  columns={[
                    { label: t('enrollment.col.label') },
                    { label: t('enrollment.company') },
                    { label: t('enrollment.col.used'), align: 'right' },
                    { label: t('enrollment.col.lastUsed') },
                    { label: t('enrollment.col.state') },
                  ]}
                />
                <tbody className="divide-y divide-slate-100">
                  {secrets.map((secret) => (
                    <tr key={secret.id}>
                      <td className="px-4 py-3 font-medium text-slate-900">{secret.label}</td>
                      <td className="px-4 py-3 text-slate-700">
                        {companyName.get(secret.companyId)}
                      </td>
                      <td className="px-4 py-3 text-right tabular-nums">{secret.useCount}</td>
                      <td className="px-4 py-3 text-slate-600">
                        {secret.lastUsedAt ? date.format(secret.lastUsedAt) : t('machines.never')}
                      </td>
                      <td className="px-4 py-3">
                        {secret.revokedAt ? (
                          <span className="text-slate-500">{t('enrollment.revoked')}</span>
                        ) : (
                          <span className="flex items-center gap-3">
                            <span className="text-emerald-700">{t('enrollment.active')}</span>
                            <RevokeSecretButton secretId={secret.id} />
                          </span>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </div>
        <EnrollmentSecretForm companies={companies.map(({ id, name }) => ({ id, name }))} />
      </div>
    </>
  );
}
