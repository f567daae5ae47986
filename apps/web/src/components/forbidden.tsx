import { getTranslator } from '@/server/locale.ts';
import { EmptyState } from './ui/empty-state.tsx';
import { LockIcon } from './ui/icons.tsx';

export async function Forbidden() {
  const t = await getTranslator();
  return (
    <EmptyState
      icon={<LockIcon className="size-6" />}
      title={t('state.forbidden.title')}
      body={t('state.forbidden.body')}
    />
  );
}
