import 'server-only';
import { cookies } from 'next/headers';
import { defaultLocale, isLocale, type Locale, localeCookie, translator } from '@/i18n/catalog.ts';

export async function getLocale(): Promise<Locale> {
  const value = (await cookies()).get(localeCookie)?.value;
  return isLocale(value) ? value : defaultLocale;
}

export async function getTranslator() {
  return translator(await getLocale());
}
