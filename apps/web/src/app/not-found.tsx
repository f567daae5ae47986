import Link from 'next/link';
import { getTranslator } from '@/server/locale.ts';

export default async function NotFound() {
  const t = await getTranslator();
  return (
    <main className="flex min-h-screen flex-col items-center justify-center px-4 text-center">
      <p className="text-sm font-semibold text-brand-600">404</p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight">{t('state.notFound.title')}</h1>
      <p className="mt-2 text-sm text-slate-600">{t('state.notFound.body')}</p>
      <Link
        href="/"
        className="mt-6 rounded-lg bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700"
      >
        {t('state.notFound.home')}
      </Link>
    </main>
  );
}
