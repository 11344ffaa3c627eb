/** `session_scenes`: a session's whiteboard (up to 10 MB), kept apart so lists and filters never read it. */
import type { Scene } from '@mockloop/contracts';
import type { ObjectId } from 'mongodb';
import type { Database } from './client.ts';
import { collidesOnKey } from './duplicate-key.ts';
import { decodeScene, type EncodedScene } from './scene-codec.ts';

export function createScenesRepo(db: Database) {
  return {
    /** Replaces the scene unless a newer revision already wrote it (a slow request arriving late). */
    async write(sessionId: ObjectId, revision: number, scene: EncodedScene): Promise<void> {
      // A collision on the upsert's _id means a newer scene is there: that newer scene stays.
      await collidesOnKey(
        db.sessionScenes.replaceOne(
          { _id: sessionId, revision: { $lt: revision } },
          { revision, sceneJson: scene.json },
          { upsert: true }
        )
      );
    },

    /** The scene, or an empty one before the first save that drew anything. */
    async read(sessionId: ObjectId): Promise<Scene> {
      const doc = await db.sessionScenes.findOne({ _id: sessionId });
      return decodeScene(doc?.sceneJson);
    }
  };
}

export type ScenesRepo = ReturnType<typeof createScenesRepo>;
