'use client';

import { createContext, type ReactNode, useContext, useMemo } from 'react';
import { type Locale, type Translate, translator } from '@/i18n/catalog.ts';

const LocaleContext = createContext<Locale>('pt-BR');

export function I18nProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  return <LocaleContext.Provider value={locale}>{children}</LocaleContext.Provider>;
}

export function useLocale(): Locale {
  return useContext(LocaleContext);
}

/** The translate function of the page's locale, for client components. */
export function useT(): Translate {
  const locale = useLocale();
  return useMemo(() => translator(locale), [locale]);
}
