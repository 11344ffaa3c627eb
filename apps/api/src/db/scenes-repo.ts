/**
 * `session_scenes`: a session's whiteboard (up to 10 MB), kept apart so lists and filters never read it (the
 * embedded server stores a document as one row: a scene inside the session would be rewritten by every notes save
 * and parsed by every session read). Each save that carries a scene stores it as a new version; the session
 * names its current one (`sceneId`) in the same update that bumps its revision, so the pointer, the notes and the
 * revision change together. The replaced version is dropped after the switch (by _id: the embedded server scans
 * the collection for any other filter); a reader that lost its version so reads the session again
 * (`currentWork`), so it never pairs a revision with another revision's drawing.
 */
import type { CurrentWork, Scene } from '@mockloop/contracts';
import { ObjectId, type Filter } from 'mongodb';
import type { Database, StoredSessionDoc } from './client.ts';
import { decodeScene, type EncodedScene } from './scene-codec.ts';

/** Where a session's scene is: its `sceneId`, or (saved before scenes had versions, or never) its own id. */
export type SceneHolder = { _id: ObjectId; sceneId?: ObjectId };
/** A session as read, with what its work needs. */
export type WorkHolder = SceneHolder & Pick<StoredSessionDoc, 'revision' | 'work'>;

/** How often a reader follows the pointer again after its version was dropped (each retry means a newer save). */
const READ_ATTEMPTS = 20;

export function createScenesRepo(db: Database) {
  /** The scene the session names, or null when that version was dropped (a newer save replaced it meanwhile). */
  async function read(session: SceneHolder): Promise<Scene | null> {
    const doc = await db.sessionScenes.findOne({ _id: session.sceneId ?? session._id });
    if (doc) return decodeScene(doc.sceneJson);
    // Nothing drawn yet: no version was ever named.
    return session.sceneId ? null : decodeScene(null);
  }

  /** The work of a session as read: its revision, notes and the scene it names; null if a newer save dropped that version. */
  async function workOf(session: WorkHolder): Promise<CurrentWork | null> {
    const scene = await read(session);
    return scene && { revision: session.revision, notes: session.work.notes, scene };
  }

  async function currentWork(filter: Filter<StoredSessionDoc>): Promise<CurrentWork | null> {
    for (let attempt = 0; attempt < READ_ATTEMPTS; attempt++) {
      const session = await db.sessions.findOne(filter, { projection: { revision: 1, work: 1, sceneId: 1 } });
      if (!session) return null;
      const work = await workOf(session);
      if (work) return work;
    }
    throw new Error('the scene kept changing while it was read');
  }

  return {
    read,

    /**
     * The work as it stands: revision, notes and the scene that revision named, read as one consistent pair.
     * Null when no session matches `filter`.
     */
    currentWork,

    /**
     * The work of a session already read: its own revision's scene, or, when a newer save dropped that version
     * meanwhile, the work as it now stands (newer, but still one revision's notes with that revision's scene).
     */
    async workAt(session: WorkHolder): Promise<CurrentWork> {
      const work = (await workOf(session)) ?? (await currentWork({ _id: session._id }));
      if (!work) throw new Error(`session ${session._id.toHexString()} is gone`);
      return work;
    },

    /** Stores a scene version for `revision` (not yet current: the session's update names it). Its id. */
    async insert(sessionId: ObjectId, revision: number, scene: EncodedScene): Promise<ObjectId> {
      const _id = new ObjectId();
      await db.sessionScenes.insertOne({ _id, sessionId, revision, sceneJson: scene.json });
      return _id;
    },

    /** Drops a version: one the session never named (its save was refused), or one a newer save replaced. */
    async discard(sceneId: ObjectId): Promise<void> {
      await db.sessionScenes.deleteOne({ _id: sceneId });
    }
  };
}

export type ScenesRepo = ReturnType<typeof createScenesRepo>;
