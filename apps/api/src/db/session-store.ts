/** Writes sessions with their question and rubric snapshots stored once per content version, and reads them back whole. */
import { createHash } from 'node:crypto';
import type { Filter } from 'mongodb';
import { MongoServerError } from 'mongodb';
import type { Database, SessionDoc, StoredSessionDoc } from './client.ts';

function rubricRef(rubric: SessionDoc['rubric']): string {
  // The version number alone would hide an edit that forgot to bump it; the hash cannot.
  const hash = createHash('sha256').update(JSON.stringify(rubric)).digest('hex').slice(0, 12);
  return `rubric:${rubric.id}@${rubric.version}-${hash}`;
}

export function createSessionStore(db: Database) {
  // Content versions never change once written, so any instance may keep them in memory.
  const cache = new Map<string, unknown>();

  async function put(_id: string, value: unknown): Promise<void> {
    if (cache.has(_id)) return;
    try {
      await db.contentVersions.updateOne(
        { _id },
        { $setOnInsert: { valueJson: JSON.stringify(value) } },
        { upsert: true }
      );
    } catch (error) {
      // Two instances storing the same version at once: the other one won, with identical content.
      if (!(error instanceof MongoServerError && error.code === 11000)) throw error;
    }
    cache.set(_id, value);
  }

  async function get(ids: string[]): Promise<Map<string, unknown>> {
    const missing = [...new Set(ids)].filter((id) => !cache.has(id));
    if (missing.length > 0) {
      for (const doc of await db.contentVersions.find({ _id: { $in: missing } }).toArray()) {
        cache.set(doc._id, JSON.parse(doc.valueJson));
      }
    }
    return cache;
  }

  async function hydrateMany(stored: StoredSessionDoc[]): Promise<SessionDoc[]> {
    const values = await get(stored.flatMap((s) => [s.questionRef, s.rubricRef]));
    return stored.map(({ questionRef, rubricRef: rubricKey, ...rest }) => {
      const question = values.get(questionRef);
      const rubric = values.get(rubricKey);
      if (!question || !rubric) throw new Error(`session ${rest._id.toHexString()} has lost its snapshots`);
      return { ...rest, question, rubric } as SessionDoc;
    });
  }

  return {
    async insert(doc: SessionDoc): Promise<void> {
      const questionRef = `question:${doc.question.id}@${doc.question.version}`;
      const rubricKey = rubricRef(doc.rubric);
      await put(questionRef, doc.question);
      await put(rubricKey, doc.rubric);
      const { question, rubric, ...rest } = doc;
      await db.sessions.insertOne({
        ...rest,
        question: { id: question.id, kind: question.kind, title: question.title, version: question.version },
        rubric: { id: rubric.id, version: rubric.version },
        questionRef,
        rubricRef: rubricKey
      });
    },

    async findOne(filter: Filter<StoredSessionDoc>): Promise<SessionDoc | null> {
      const stored = await db.sessions.findOne(filter);
      return stored ? ((await hydrateMany([stored]))[0] ?? null) : null;
    },

    hydrateMany,

    /** Content versions (questions, rubrics) by reference, from memory when seen before. */
    async content(ids: string[]): Promise<Map<string, unknown>> {
      return get(ids);
    }
  };
}

export type SessionStore = ReturnType<typeof createSessionStore>;
