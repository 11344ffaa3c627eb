/**
 * Recorded chunks the server has not acknowledged yet, in IndexedDB (their own store, so listing them never reads
 * the autosave outbox): they survive reloads, crashes and restarts, and are uploaded in order when the server can
 * be reached. A chunk leaves only when the server has it.
 */
import { createStore, del, entries, set, type UseStore } from 'idb-keyval';

export interface PendingChunk {
  sessionId: string;
  segment: number;
  seq: number;
  startMs: number;
  durationMs: number;
  /** Absent on chunks kept before calls were recorded: the microphone. */
  source?: 'voice' | 'call';
  data: Blob;
}

let store: UseStore | null = null;
const chunks = () => (store ??= createStore('mockloop-recordings', 'chunks'));

/** Sorts as the upload order: by segment, then number (zero-padded so text order is number order). */
const keyOf = (c: Pick<PendingChunk, 'sessionId' | 'segment' | 'seq'>) =>
  `${c.sessionId}:${String(c.segment).padStart(9, '0')}:${String(c.seq).padStart(6, '0')}`;

export const chunkOutbox = {
  put: (chunk: PendingChunk) => set(keyOf(chunk), chunk, chunks()),
  remove: (chunk: PendingChunk) => del(keyOf(chunk), chunks()),
  /** The session's chunks still to upload, oldest first. */
  async pending(sessionId: string): Promise<PendingChunk[]> {
    const all = await entries<string, PendingChunk>(chunks());
    return all
      .filter(([key]) => key.startsWith(`${sessionId}:`))
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([, chunk]) => chunk);
  }
};
