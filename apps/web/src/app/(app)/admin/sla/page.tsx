import { listSlaTargets } from '@chamados/core/sla/sla-targets';
import type { Metadata } from 'next';
import { PageHeader } from '@/components/ui/page-header.tsx';
import { getTranslator } from '@/server/locale.ts';
import { getRuntime } from '@/server/runtime.ts';
import { requireViewer } from '@/server/viewer.ts';
import { SlaForm } from './sla-form.tsx';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator();
  return { title: t('admin.sla') };
}

export default async function SlaPage() {
  await requireViewer('/admin/sla');
  const t = await getTranslator();
  const targets = await listSlaTargets(getRuntime().database.db);
  return (
    <>
      <PageHeader title={t('admin.sla')} subtitle={t('sla.subtitle')} />
      <SlaForm targets={targets} />
    </>
  );
}
