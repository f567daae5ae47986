'use client';

import { useT } from '@/components/i18n-provider.tsx';
import { useApiSubmit } from '@/lib/use-api-submit.ts';

export function RevokeSecretButton({ secretId }: { secretId: string }) {
  const t = useT();
  const { pending, submit } = useApiSubmit();
  return (
    <button
      type="button"
      disabled={pending}
      onClick={() => void submit(`/api/enrollment-secrets/${secretId}/revoke`, {})}
      className="rounded-md border border-red-300 px-2 py-0.5 text-xs font-medium text-red-700 hover:bg-red-50 disabled:opacity-60"
    >
      {t('enrollment.revoke')}
    </button>
  );
}
