import { en } from './en.ts';
import { type MessageKey, type Messages, ptBR } from './pt-BR.ts';

export type { MessageKey, Messages };

export const locales = ['pt-BR', 'en'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'pt-BR';
export const localeCookie = 'chamados-locale';

export const localeNames: Record<Locale, string> = {
  'pt-BR': 'Português (Brasil)',
  en: 'English',
};

const catalogs: Record<Locale, Messages> = { 'pt-BR': ptBR, en };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

/** A translate function for `locale`; `{name}` placeholders take `values.name`. */
export function translator(locale: Locale): Translate {
  const messages = catalogs[locale];
  return (key, values) =>
    messages[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
      values && name in values ? String(values[name]) : whole,
    );
}

export function messagesFor(locale: Locale): Messages {
  return catalogs[locale];
}
