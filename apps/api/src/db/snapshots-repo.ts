/** `session_snapshots`: the work as it stood at moments of a session, for the result page's replay. */
import type { Scene, SessionWork } from '@mockloop/contracts';
import type { ObjectId } from 'mongodb';
import type { Database } from './client.ts';
import { newId } from './ids.ts';
import { decodeElements, encodeElements } from './scene-codec.ts';

export interface Snapshot {
  at: Date;
  phaseId: string;
  notes: SessionWork['notes'];
  elements: Scene['elements'];
}

export function createSnapshotsRepo(db: Database) {
  return {
    async insert(sessionId: ObjectId, snapshot: Snapshot): Promise<void> {
      const { elements, ...rest } = snapshot;
      await db.snapshots.insertOne({ _id: newId(), sessionId, ...rest, elementsJson: encodeElements(elements) });
    },

    /** Oldest first. */
    async list(sessionId: ObjectId): Promise<Snapshot[]> {
      const items = await db.snapshots.find({ sessionId }).sort({ at: 1 }).toArray();
      return items.map((s) => ({
        at: s.at,
        phaseId: s.phaseId,
        notes: s.notes,
        elements: decodeElements(s.elementsJson)
      }));
    }
  };
}

export type SnapshotsRepo = ReturnType<typeof createSnapshotsRepo>;
