'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { useT } from './i18n-provider.tsx';

/**
 * Keeps a server-rendered page current: listens to /api/events and re-renders the page when
 * a change of one of `types` arrives (only of `ticketId` or `machineId`, when given).
 * EventSource reconnects by itself and sends Last-Event-ID, so nothing is missed across a
 * dropped connection.
 */
const ticketEvents = ['ticket.created', 'ticket.updated', 'ticket.commented'];
export const machineEvents = [
  'machine.enrolled',
  'machine.reenrolled',
  'machine.online',
  'machine.offline',
  'machine.token_revoked',
  'machine.inventory_changed',
];

export function LiveRefresh({
  ticketId,
  machineId,
  types = ticketEvents,
}: {
  ticketId?: string;
  machineId?: string;
  types?: string[];
}) {
  const router = useRouter();
  const t = useT();
  const [connected, setConnected] = useState(false);

  // A string, so that a fresh array from a re-render does not reopen the stream.
  const typeList = types.join(',');

  useEffect(() => {
    const source = new EventSource('/api/events');
    let timer: ReturnType<typeof setTimeout> | undefined;
    const refresh = (message: MessageEvent<string>) => {
      const data = JSON.parse(message.data) as { ticketId?: string; machineId?: string };
      if (ticketId && data.ticketId !== ticketId) return;
      if (machineId && data.machineId !== machineId) return;
      // A burst of changes becomes one refresh.
      clearTimeout(timer);
      timer = setTimeout(() => router.refresh(), 150);
    };
    for (const type of typeList.split(',')) source.addEventListener(type, refresh);
    source.onopen = () => setConnected(true);
    source.onerror = () => setConnected(false);
    return () => {
      clearTimeout(timer);
      source.close();
    };
  }, [router, ticketId, machineId, typeList]);

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
