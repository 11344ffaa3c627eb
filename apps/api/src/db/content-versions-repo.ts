/**
 * `content_versions`: immutable, content-addressed snapshots of questions and rubrics, stored once and shared by
 * every session run on them. They never change once written, so any instance may keep them in memory.
 */
import { createHash } from 'node:crypto';
import type { Database, SessionDoc } from './client.ts';
import { collidesOnKey } from './duplicate-key.ts';

export function questionRef(question: SessionDoc['question']): string {
  return `question:${question.id}@${question.version}`;
}

export function rubricRef(rubric: SessionDoc['rubric']): string {
  // The version number alone would hide an edit that forgot to bump it; the hash cannot.
  const hash = createHash('sha256').update(JSON.stringify(rubric)).digest('hex').slice(0, 12);
  return `rubric:${rubric.id}@${rubric.version}-${hash}`;
}

export function createContentVersionsRepo(db: Database) {
  const cache = new Map<string, unknown>();

  return {
    /** Stores a version unless it is already there; two instances storing the same one at once both succeed. */
    async put(_id: string, value: unknown): Promise<void> {
      if (cache.has(_id)) return;
      // A collision means the other instance won, with identical content.
      await collidesOnKey(
        db.contentVersions.updateOne({ _id }, { $setOnInsert: { valueJson: JSON.stringify(value) } }, { upsert: true })
      );
      cache.set(_id, value);
    },

    /** Content versions (questions, rubrics) by reference, from memory when seen before. */
    async get(ids: string[]): Promise<Map<string, unknown>> {
      const missing = [...new Set(ids)].filter((id) => !cache.has(id));
      if (missing.length > 0) {
        for (const doc of await db.contentVersions.find({ _id: { $in: missing } }).toArray()) {
          cache.set(doc._id, JSON.parse(doc.valueJson));
        }
      }
      return cache;
    }
  };
}

export type ContentVersionsRepo = ReturnType<typeof createContentVersionsRepo>;
