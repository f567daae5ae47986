'use client';

import { useT } from '@/components/i18n-provider.tsx';
import { EmptyState } from '@/components/ui/empty-state.tsx';
import { buttonClass } from '@/components/ui/field.tsx';
import { AlertIcon } from '@/components/ui/icons.tsx';

export default function PageError({ reset }: { error: Error; reset: () => void }) {
  const t = useT();
  return (
    <EmptyState
      icon={<AlertIcon className="size-6" />}
      title={t('state.error.title')}
      body={t('state.error.body')}
      action={
        <button type="button" className={buttonClass} onClick={reset}>
          {t('state.error.retry')}
        </button>
      }
    />
  );
}
