import { headers } from 'next/headers';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { LocaleSwitcher } from '@/components/locale-switcher.tsx';
import { type NavItem, NavLinks } from '@/components/nav-links.tsx';
import { SignOutButton } from '@/components/sign-out-button.tsx';
import { getTranslator } from '@/server/locale.ts';
import { requireViewer } from '@/server/viewer.ts';

/** The signed-in shell: header with navigation, account and language; content below. */
export default async function AppLayout({ children }: { children: ReactNode }) {
  // Set by our HTTP server on every page request, so sign-in can bring the person back here.
  const pathname = (await headers()).get('x-chamados-pathname') ?? '/';
  const viewer = await requireViewer(pathname);
  const t = await getTranslator();

  const items: NavItem[] = [{ href: '/', label: t('nav.tickets') }];
  if (viewer.role === 'admin' || viewer.role === 'technician') {
    items.push({ href: '/machines', label: t('nav.machines') });
  }
  if (viewer.role === 'admin') items.push({ href: '/admin', label: t('nav.admin') });

  return (
    <div className="min-h-screen">
      <a
        href="#content"
        className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-50 focus:rounded-md focus:bg-white focus:px-3 focus:py-2 focus:shadow"
      >
        {t('nav.skip')}
      </a>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-4 px-4 py-3 sm:px-6">
          <Link href="/" className="flex items-center gap-2 font-semibold text-slate-900">
            <span
              aria-hidden
              className="flex size-8 items-center justify-center rounded-lg bg-brand-600 text-sm font-bold text-white"
            >
              C
            </span>
            {t('app.name')}
          </Link>
          <NavLinks items={items} label={t('nav.main')} />
          <div className="ml-auto flex items-center gap-4">
            <LocaleSwitcher />
            <div className="text-right leading-tight" data-testid="viewer">
              <p className="text-sm font-medium text-slate-900">{viewer.name}</p>
              <p className="text-xs text-slate-500">{t(`role.${viewer.role}`)}</p>
            </div>
            <SignOutButton />
          </div>
        </div>
      </header>
      <main id="content" className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
        {children}
      </main>
    </div>
  );
}
