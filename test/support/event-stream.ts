export interface StreamEvent {
  id: number;
  type: string;
  data: Record<string, unknown>;
}

/**
 * A Server-Sent Events client for tests: collects the events of `/api/events` and waits for
 * the ones a test expects.
 */
export async function openEventStream(baseUrl: string, token: string, lastEventId?: number) {
  const controller = new AbortController();
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (lastEventId !== undefined) headers['last-event-id'] = String(lastEventId);
  const response = await fetch(`${baseUrl}/api/events`, { headers, signal: controller.signal });
  if (response.status !== 200 || !response.body) {
    throw new Error(`event stream refused: ${response.status}`);
  }

  const received: StreamEvent[] = [];
  const waiters = new Set<() => void>();
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += value;
        let end = buffer.indexOf('\n\n');
        while (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const fields = Object.fromEntries(
            block
              .split('\n')
              .filter((line) => line && !line.startsWith(':'))
              .map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 2)]),
          );
          if (fields.data && fields.id) {
            received.push({
              id: Number(fields.id),
              type: fields.event ?? 'message',
              data: JSON.parse(fields.data) as Record<string, unknown>,
            });
            for (const wake of waiters) wake();
          }
          end = buffer.indexOf('\n\n');
        }
      }
    } catch {
      // Aborted by close().
    }
  })();

  return {
    received,
    /** Resolves with the first received event matching `predicate`, or rejects after `ms`. */
    waitFor(predicate: (event: StreamEvent) => boolean, ms = 5_000): Promise<StreamEvent> {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = received.find(predicate);
          if (!found) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(found);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no matching event within ${ms} ms; got ${JSON.stringify(received)}`));
        }, ms);
        waiters.add(check);
        check();
      });
    },
    close() {
      controller.abort();
    },
  };
}
