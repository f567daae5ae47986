'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { useT } from './i18n-provider.tsx';

/**
 * Keeps a server-rendered page current: listens to /api/events and re-renders the page when
 * a change arrives (only changes of `ticketId`, when given). EventSource reconnects by itself
 * and sends Last-Event-ID, so nothing is missed across a dropped connection.
 */
export function LiveRefresh({ ticketId }: { ticketId?: string }) {
  const router = useRouter();
  const t = useT();
  const [connected, setConnected] = useState(false);

  useEffect(() => {
    const source = new EventSource('/api/events');
    let timer: ReturnType<typeof setTimeout> | undefined;
    const refresh = (message: MessageEvent<string>) => {
      if (ticketId) {
        const data = JSON.parse(message.data) as { ticketId?: string };
        if (data.ticketId !== ticketId) return;
      }
      // A burst of changes becomes one refresh.
      clearTimeout(timer);
      timer = setTimeout(() => router.refresh(), 150);
    };
    for (const type of ['ticket.created', 'ticket.updated', 'ticket.commented']) {
      source.addEventListener(type, refresh);
    }
    source.onopen = () => setConnected(true);
    source.onerror = () => setConnected(false);
    return () => {
      clearTimeout(timer);
      source.close();
    };
  }, [router, ticketId]);

  return (
    <span
      className="inline-flex items-center gap-1.5 text-xs text-slate-500"
      data-testid="live-indicator"
      data-connected={connected}
    >
      <span
        aria-hidden
        className={`size-2 rounded-full ${connected ? 'animate-pulse bg-emerald-500' : 'bg-slate-300'}`}
      />
      {t('tickets.live')}
    </span>
  );
}
