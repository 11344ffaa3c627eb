/** The browser's copy of work the server has not acknowledged yet, in IndexedDB: it survives reloads, crashes and restarts. */
import type { SessionWork } from '@mockloop/contracts';
import { del, get, set } from 'idb-keyval';

export interface OutboxEntry {
  /** The last revision the server acknowledged, and the work it acknowledged. */
  baseRevision: number;
  base: SessionWork;
  /** What the candidate has now. */
  local: SessionWork;
}

const key = (sessionId: string) => `mockloop:outbox:${sessionId}`;

export const outbox = {
  read: (sessionId: string) => get<OutboxEntry>(key(sessionId)),
  write: (sessionId: string, entry: OutboxEntry) => set(key(sessionId), entry),
  clear: (sessionId: string) => del(key(sessionId))
};
