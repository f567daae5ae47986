'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useT } from './i18n-provider.tsx';

export function SignOutButton() {
  const t = useT();
  const router = useRouter();
  const [pending, setPending] = useState(false);

  async function signOut() {
    setPending(true);
    try {
      await fetch('/api/auth/sign-out', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
    } finally {
      router.replace('/sign-in');
      router.refresh();
    }
  }

  return (
    <button
      type="button"
      onClick={signOut}
      disabled={pending}
      className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-brand-600 disabled:opacity-60"
    >
      {pending ? t('user.signingOut') : t('user.signOut')}
    </button>
  );
}
