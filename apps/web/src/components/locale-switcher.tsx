'use client';

import { useRouter } from 'next/navigation';
import { useTransition } from 'react';
import { isLocale, localeCookie, localeNames, locales } from '@/i18n/catalog.ts';
import { useLocale, useT } from './i18n-provider.tsx';

const oneYear = 60 * 60 * 24 * 365;

/** Switches the interface language; kept in a cookie so server-rendered pages follow it. */
export function LocaleSwitcher() {
  const locale = useLocale();
  const t = useT();
  const router = useRouter();
  const [pending, startTransition] = useTransition();

  return (
    <label className="flex items-center gap-2 text-xs text-slate-600">
      <span>{t('locale.label')}</span>
      <select
        value={locale}
        disabled={pending}
        onChange={(event) => {
          const next = event.target.value;
          if (!isLocale(next)) return;
          // biome-ignore lint/suspicious/noDocumentCookie: a preference cookie the server reads
          document.cookie = `${localeCookie}=${next}; path=/; max-age=${oneYear}; samesite=lax`;
          startTransition(() => router.refresh());
        }}
        className="rounded-md border border-slate-300 bg-white px-2 py-1 text-xs text-slate-800 focus:outline-none focus:ring-2 focus:ring-brand-500/30"
      >
        {locales.map((value) => (
          <option key={value} value={value}>
            {localeNames[value]}
          </option>
        ))}
      </select>
    </label>
  );
}
