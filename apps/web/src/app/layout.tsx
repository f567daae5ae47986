import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { I18nProvider } from '@/components/i18n-provider.tsx';
import { getLocale, getTranslator } from '@/server/locale.ts';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator();
  return { title: { default: t('app.name'), template: `%s · ${t('app.name')}` } };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <body>
        <I18nProvider locale={locale}>{children}</I18nProvider>
      </body>
    </html>
  );
}
