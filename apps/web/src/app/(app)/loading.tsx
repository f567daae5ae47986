import { getTranslator } from '@/server/locale.ts';

/** Shown while a page's data loads: the layout of a page, shimmering. */
export default async function Loading() {
  const t = await getTranslator();
  return (
    <div role="status" aria-live="polite" className="animate-pulse">
      <span className="sr-only">{t('state.loading')}</span>
      <div className="mb-2 h-7 w-48 rounded bg-slate-200" />
      <div className="mb-8 h-4 w-80 rounded bg-slate-200" />
      <div className="space-y-3 rounded-xl border border-slate-200 bg-white p-4">
        {[0, 1, 2, 3].map((row) => (
          <div key={row} className="h-10 rounded bg-slate-100" />
        ))}
      </div>
    </div>
  );
}
