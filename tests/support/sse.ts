/** A server-sent events client for tests: opens a stream with a cookie, parses events, waits for the one wanted. */
import { ObjectId } from 'mongodb';
import type { Database } from '../../apps/api/src/db/client.ts';
import { createEventRepository } from '../../apps/api/src/db/events.ts';

export interface ReceivedEvent {
  id: string | null;
  data: { type: string } & Record<string, any>;
}

export interface EventStream {
  status: number;
  /** The JSON error body when the stream was refused. */
  body: any;
  /** Every event received so far, in order. */
  received: ReceivedEvent[];
  /** Resolves with the first event (already received or still to come) that matches; rejects after `timeoutMs`. */
  next(match: (event: ReceivedEvent) => boolean, timeoutMs?: number): Promise<ReceivedEvent>;
  /** Resolves when the server has ended the stream. */
  ended: Promise<void>;
  close(): void;
}

export async function openEvents(
  url: string,
  cookie: string,
  headers: Record<string, string> = {}
): Promise<EventStream> {
  const controller = new AbortController();
  const response = await fetch(url, {
    headers: { cookie, accept: 'text/event-stream', ...headers },
    signal: controller.signal
  });
  const received: ReceivedEvent[] = [];
  const waiters: { match: (e: ReceivedEvent) => boolean; resolve: (e: ReceivedEvent) => void }[] = [];
  if (!response.ok || !response.body) {
    const body = await response.json().catch(() => null);
    return {
      status: response.status,
      body,
      received,
      next: () => Promise.reject(new Error(`no stream: ${response.status}`)),
      ended: Promise.resolve(),
      close: () => {}
    };
  }

  const ended = (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const lines = block.split('\n');
          const data = lines.filter((l) => l.startsWith('data: ')).map((l) => l.slice(6));
          if (data.length === 0) continue;
          const event: ReceivedEvent = {
            id: lines.find((l) => l.startsWith('id: '))?.slice(4) ?? null,
            data: JSON.parse(data.join('\n'))
          };
          received.push(event);
          for (const waiter of [...waiters]) {
            if (waiter.match(event)) {
              waiters.splice(waiters.indexOf(waiter), 1);
              waiter.resolve(event);
            }
          }
        }
      }
    } catch {
      // Aborted by close().
    }
  })();

  return {
    status: response.status,
    body: null,
    received,
    ended,
    next(match, timeoutMs = 5000) {
      const seen = received.find(match);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () =>
            reject(
              new Error(`no matching event in ${timeoutMs} ms; got ${JSON.stringify(received.map((e) => e.data.type))}`)
            ),
          timeoutMs
        );
        waiters.push({
          match,
          resolve: (event) => {
            clearTimeout(timer);
            resolve(event);
          }
        });
      });
    },
    close: () => controller.abort()
  };
}

export const ofType =
  (type: string, extra: (data: any) => boolean = () => true) =>
  (event: ReceivedEvent) =>
    event.data.type === type && extra(event.data);

/**
 * Resolves once `stream` has received an event numbered after `seq` (the session's last event when the caller
 * read it). Events reach a stream in order, so a stream past `seq` was sent every earlier event meant for it:
 * what it has not received by then was not sent to it. No fixed wait: the caller appends a later event every
 * member receives (a member joining, say) and this waits for it.
 */
export function passed(stream: EventStream, seq: number, timeoutMs?: number): Promise<ReceivedEvent> {
  return stream.next((event) => event.id !== null && Number(event.id) > seq, timeoutMs);
}

/** The number of a session's last event as stored now (its counter may lag behind it; this looks past it). */
export function lastEventOf(database: Database, sessionId: string): Promise<number> {
  return createEventRepository(database).head(new ObjectId(sessionId));
}
