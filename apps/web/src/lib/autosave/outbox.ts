/**
 * The browser's copy of work the server has not acknowledged yet, in IndexedDB: it survives reloads, crashes and
 * restarts. Notes and whiteboard are kept under separate keys, so a keystroke in a note never copies a whiteboard
 * (which can hold megabytes of images) and a stroke on the whiteboard never copies the notes.
 */
import type { DesignNotes, Scene, SessionWork } from '@mockloop/contracts';
import { delMany, getMany, set } from 'idb-keyval';

export interface OutboxNotes {
  /** The last revision the server acknowledged, and the notes it acknowledged. */
  baseRevision: number;
  base: DesignNotes;
  /** What the candidate has now. */
  local: DesignNotes;
}

export interface OutboxScene {
  /** The last revision the server acknowledged when this whiteboard was drawn. */
  baseRevision: number;
  local: Scene;
}

export interface OutboxEntry {
  notes?: OutboxNotes;
  scene?: OutboxScene;
}

/** What releases before the split kept: the whole work under one key. */
interface LegacyEntry {
  baseRevision: number;
  base: SessionWork;
  local: SessionWork;
}

const keys = (sessionId: string) => ({
  notes: `mockloop:outbox:notes:${sessionId}`,
  scene: `mockloop:outbox:scene:${sessionId}`,
  legacy: `mockloop:outbox:${sessionId}`
});

export const outbox = {
  async read(sessionId: string): Promise<OutboxEntry | undefined> {
    const k = keys(sessionId);
    const [notes, scene, legacy] = await getMany<OutboxNotes | OutboxScene | LegacyEntry | undefined>([
      k.notes,
      k.scene,
      k.legacy
    ]);
    if (notes || scene) return { notes: notes as OutboxNotes | undefined, scene: scene as OutboxScene | undefined };
    if (!legacy) return undefined;
    const { baseRevision, base, local } = legacy as LegacyEntry;
    return {
      notes: { baseRevision, base: base.notes, local: local.notes },
      scene: { baseRevision, local: local.scene }
    };
  },
  writeNotes: (sessionId: string, notes: OutboxNotes) => set(keys(sessionId).notes, notes),
  writeScene: (sessionId: string, scene: OutboxScene) => set(keys(sessionId).scene, scene),
  clear: (sessionId: string) => delMany(Object.values(keys(sessionId)))
};
