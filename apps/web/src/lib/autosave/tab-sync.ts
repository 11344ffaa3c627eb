/**
 * Keeps the tabs of one browser on one session in step: each tab announces what the server acknowledged, and the
 * others take it in at once instead of finding out through a conflicting save later.
 */
import type { SessionWork } from '@mockloop/contracts';

/** What a tab says after a save the server acknowledged: the revision and the whole work at that revision. */
export interface SavedMessage {
  type: 'saved';
  revision: number;
  work: SessionWork;
}

export interface TabSync {
  announce(revision: number, work: SessionWork): void;
  close(): void;
}

/** Listens to the other tabs of this session; a browser without BroadcastChannel gets a sync that does nothing. */
export function openTabSync(sessionId: string, onSaved: (message: SavedMessage) => void): TabSync {
  if (typeof BroadcastChannel === 'undefined') return { announce() {}, close() {} };
  const channel = new BroadcastChannel(`mockloop:session:${sessionId}`);
  channel.onmessage = (event: MessageEvent<SavedMessage>) => {
    if (event.data?.type === 'saved' && Number.isInteger(event.data.revision)) onSaved(event.data);
  };
  return {
    announce(revision, work) {
      channel.postMessage({ type: 'saved', revision, work } satisfies SavedMessage);
    },
    close() {
      channel.close();
    }
  };
}
