'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useT } from '@/components/i18n-provider.tsx';
import type { Status } from '@/components/ui/form-status.tsx';
import { sendJson } from './api-client.ts';

interface SubmitOptions<T> {
  method?: 'POST' | 'PATCH' | 'PUT';
  /** Shown when it worked; nothing is shown when absent. */
  success?: string;
  /** Runs when it worked, before the page's data is refreshed. */
  onSuccess?: (data: T) => void;
}

/**
 * What every form here does with the API: a pending flag, the outcome for `FormStatus`, the
 * field errors the API names, and a refresh of the server-rendered page once it worked.
 */
export function useApiSubmit() {
  const t = useT();
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [status, setStatus] = useState<Status | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});

  async function submit<T>(path: string, body: unknown, options: SubmitOptions<T> = {}) {
    setPending(true);
    setStatus(null);
    setFields({});
    const result = await sendJson<T>(path, body, options.method);
    setPending(false);
    if (result.ok) {
      if (options.success) setStatus({ kind: 'success', message: options.success });
      options.onSuccess?.(result.data);
      router.refresh();
      return true;
    }
    setFields(result.fields);
    setStatus({
      kind: 'error',
      message:
        result.code === 'network'
          ? t('form.network')
          : t('form.error', { message: result.message }),
    });
    return false;
  }

  return { pending, status, fields, submit };
}
