import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { LocaleSwitcher } from '@/components/locale-switcher.tsx';
import { getTranslator } from '@/server/locale.ts';
import { getViewer } from '@/server/viewer.ts';
import { SignInForm } from './sign-in-form.tsx';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator();
  return { title: t('signIn.submit') };
}

/** Only same-site paths: an absolute `next` would make this page an open redirect. */
function safeReturnPath(value: string | string[] | undefined): string {
  const path = typeof value === 'string' ? value : '/';
  return path.startsWith('/') && !path.startsWith('//') && !path.startsWith('/\\') ? path : '/';
}

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const returnTo = safeReturnPath(params.next);
  const machineLinkExpired = params.machineLogin === 'expired';
  if (await getViewer()) redirect(returnTo);
  const t = await getTranslator();

  return (
    <main className="flex min-h-screen flex-col items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-8 flex flex-col items-center text-center">
          <div
            aria-hidden
            className="mb-4 flex size-12 items-center justify-center rounded-xl bg-brand-600 text-xl font-bold text-white shadow"
          >
            C
          </div>
          <h1 className="text-2xl font-semibold tracking-tight">{t('signIn.title')}</h1>
          <p className="mt-2 text-sm text-slate-600">{t('signIn.subtitle')}</p>
        </div>
        {machineLinkExpired ? (
          <p
            role="alert"
            className="mb-4 rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900"
          >
            {t('signIn.machineExpired')}
          </p>
        ) : null}
        <div className="rounded-2xl border border-slate-200 bg-white p-6 shadow-sm">
          <SignInForm returnTo={returnTo} />
        </div>
        <div className="mt-6 flex justify-center">
          <LocaleSwitcher />
        </div>
      </div>
    </main>
  );
}
