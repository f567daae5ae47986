'use client';

import { useT } from '@/components/i18n-provider.tsx';
import { FormStatus } from '@/components/ui/form-status.tsx';
import { useApiSubmit } from '@/lib/use-api-submit.ts';

/** Revokes the machine's token after a confirmation; the machine must then enrol again. */
export function RevokeTokenButton({ machineId }: { machineId: string }) {
  const t = useT();
  const { pending, status, submit } = useApiSubmit();

  return (
    <div className="mt-4 flex flex-col gap-2">
      <button
        type="button"
        disabled={pending}
        onClick={() => {
          if (!window.confirm(t('machine.token.revokeConfirm'))) return;
          void submit(
            `/api/machines/${machineId}/revoke-token`,
            {},
            {
              success: t('machine.token.revoked.done'),
            },
          );
        }}
        className="rounded-lg border border-red-300 px-3 py-1.5 text-sm font-semibold text-red-700 hover:bg-red-50 disabled:opacity-60"
      >
        {t('machine.token.revoke')}
      </button>
      <FormStatus status={status} />
    </div>
  );
}
