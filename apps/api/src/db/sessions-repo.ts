/**
 * `sessions`: every query on timed sessions. A session is written with its question and rubric stored once per
 * content version (see StoredSessionDoc) and read back whole ("hydrated"), except where a projection says less.
 */
import { ObjectId, type Filter } from 'mongodb';
import type { Database, SessionDoc, StoredSessionDoc } from './client.ts';
import { questionRef, rubricRef, type ContentVersionsRepo } from './content-versions-repo.ts';
import { historyEntryOf, type UserSessionsRepo } from './user-sessions-repo.ts';

/** A session that can still be written: active, and its deadline (less the grace) not yet past `openAfter`. */
function open(openAfter: Date): Filter<StoredSessionDoc> {
  return { status: 'active', deadline: { $gt: openAfter } };
}

/** How many sessions a list reads by `_id` at once. */
const BY_ID_AT_ONCE = 25;

/** Which sessions a finish applies to: one session, or every problem of its assessment (they share one clock). */
export type SubmitScope = { _id: ObjectId } | { assessmentId: ObjectId; userId: ObjectId };

export function createSessionsRepo(db: Database, content: ContentVersionsRepo, userSessions: UserSessionsRepo) {
  async function hydrateMany(stored: StoredSessionDoc[]): Promise<SessionDoc[]> {
    const values = await content.get(stored.flatMap((s) => [s.questionRef, s.rubricRef, ...(s.promptRefs ?? [])]));
    return stored.map(({ questionRef: questionKey, rubricRef: rubricKey, promptRefs, ...rest }) => {
      const question = values.get(questionKey);
      const rubric = values.get(rubricKey);
      const prompts = promptRefs?.map((ref) => values.get(ref));
      if (!question || !rubric || prompts?.some((p) => !p)) {
        throw new Error(`session ${rest._id.toHexString()} has lost its snapshots`);
      }
      return { ...rest, question, rubric, ...(prompts ? { prompts } : {}) } as SessionDoc;
    });
  }

  /**
   * Sessions by `_id` (the embedded server indexes nothing else, `$in` included), in the order asked, missing ones
   * left out; BY_ID_AT_ONCE at a time, so a long list does not queue a thousand reads on the database at once.
   */
  async function byIds(ids: ObjectId[], projection?: Record<string, 0>): Promise<StoredSessionDoc[]> {
    const found: StoredSessionDoc[] = [];
    for (let at = 0; at < ids.length; at += BY_ID_AT_ONCE) {
      const batch = ids.slice(at, at + BY_ID_AT_ONCE);
      const docs = await Promise.all(
        batch.map((_id) => db.sessions.findOne({ _id }, projection ? { projection } : {}))
      );
      found.push(...docs.filter((doc): doc is StoredSessionDoc => doc !== null));
    }
    return found;
  }

  async function findOne(filter: Filter<StoredSessionDoc>): Promise<SessionDoc | null> {
    const stored = await db.sessions.findOne(filter);
    return stored ? ((await hydrateMany([stored]))[0] ?? null) : null;
  }

  return {
    async insert(doc: SessionDoc): Promise<void> {
      const questionKey = questionRef(doc.question);
      const rubricKey = rubricRef(doc.rubric);
      await content.put(questionKey, doc.question);
      await content.put(rubricKey, doc.rubric);
      const promptRefs = doc.prompts?.map(questionRef);
      for (const [i, prompt] of (doc.prompts ?? []).entries()) await content.put(promptRefs![i]!, prompt);
      const { question, rubric, prompts: _prompts, ...rest } = doc;
      // Listed under its candidate first: a session is never stored without being in their history.
      await userSessions.addTaken(doc.userId, doc._id, historyEntryOf(doc));
      await db.sessions.insertOne({
        ...rest,
        ...(promptRefs ? { promptRefs } : {}),
        question: { id: question.id, kind: question.kind, title: question.title, version: question.version },
        rubric: { id: rubric.id, version: rubric.version },
        questionRef: questionKey,
        rubricRef: rubricKey
      });
    },

    findById: (_id: ObjectId) => findOne({ _id }),
    findOwned: (_id: ObjectId, userId: ObjectId) => findOne({ _id, userId }),

    /** Sessions for a history list, each by `_id`, without the notes and the plan (a list never shows them). */
    summaries: (ids: ObjectId[]) => byIds(ids, { work: 0, phasePlan: 0 }),

    /** The problems of one assessment, in no particular order, without their work. */
    assessmentParts(assessmentId: ObjectId, userId: ObjectId) {
      return db.sessions
        .find({ 'assessment.id': assessmentId, userId }, { projection: { work: 0, phasePlan: 0 } })
        .toArray();
    },

    /** Submits an active session at its deadline; true when this call did it (not another instance). */
    async settleAtDeadline(_id: ObjectId, deadline: Date, at: Date): Promise<boolean> {
      const settled = await db.sessions.updateOne(
        { _id, status: 'active' },
        { $set: { status: 'submitted', submittedAt: deadline, submitReason: 'deadline', updatedAt: at } }
      );
      return settled.modifiedCount > 0;
    },

    /** Active sessions whose deadline is at or before `cutoff`, for the sweeper. */
    expired(cutoff: Date, limit: number) {
      return db.sessions
        .find({ status: 'active', deadline: { $lte: cutoff } }, { projection: { _id: 1, deadline: 1, userId: 1 } })
        .limit(limit)
        .toArray();
    },

    /**
     * An autosave, as one document update: the notes, the scene version it names (`sceneId`, stored just before)
     * and the revision bump land together or not at all. Applied only on `revision` (the filter pins it, so a
     * match means the new revision is exactly one more) while the session is open. Null when nothing matched;
     * otherwise, when it named a new scene, the scene version it replaced (for the caller to drop).
     */
    async saveWork(
      own: { _id: ObjectId; userId: ObjectId },
      revision: number,
      openAfter: Date,
      change: { notes: Record<string, string>; sceneId: ObjectId | null },
      at: Date
    ): Promise<{ replacedScene: ObjectId | null } | null> {
      const set: Record<string, unknown> = {};
      for (const [field, value] of Object.entries(change.notes)) set[`work.notes.${field}`] = value;
      if (change.sceneId) set.sceneId = change.sceneId;
      set.updatedAt = at;
      const filter = { ...own, ...open(openAfter), revision };
      const update = { $set: set, $inc: { revision: 1 } };
      if (!change.sceneId)
        return (await db.sessions.updateOne(filter, update)).matchedCount > 0 ? { replacedScene: null } : null;
      // The document before the update names the scene version this one replaces (by _id: the embedded server
      // scans a collection for any other filter, and scenes are large).
      const before = await db.sessions.findOneAndUpdate(filter, update);
      return before ? { replacedScene: before.sceneId ?? before._id } : null;
    },

    async pushPhase(own: { _id: ObjectId; userId: ObjectId }, openAfter: Date, phaseId: string, at: Date) {
      const result = await db.sessions.updateOne(
        { ...own, ...open(openAfter) },
        { $push: { phaseLog: { phaseId, startedAt: at } }, $inc: { revision: 1 }, $set: { updatedAt: at } }
      );
      return result.matchedCount > 0;
    },

    async submit(scope: SubmitScope, set: { submittedAt: Date; submitReason: 'finished' | 'deadline'; at: Date }) {
      const filter: Filter<StoredSessionDoc> =
        '_id' in scope ? { _id: scope._id } : { 'assessment.id': scope.assessmentId, userId: scope.userId };
      await db.sessions.updateMany(
        { ...filter, status: 'active' },
        {
          $set: { status: 'submitted', submittedAt: set.submittedAt, submitReason: set.submitReason, updatedAt: set.at }
        }
      );
    },

    /**
     * What a call that acts on a session without showing it needs (a coding submission's, a conflict's): owner,
     * clock, kind and the question's content reference (`questionOf` reads it), never the notes, plan or rubric.
     */
    findState(_id: ObjectId) {
      return db.sessions.findOne(
        { _id },
        { projection: { userId: 1, status: 1, deadline: 1, 'question.kind': 1, questionRef: 1 } }
      );
    },

    /** The question snapshot a session was run on, by its content reference. */
    async questionOf(questionKey: string): Promise<SessionDoc['question'] | null> {
      return ((await content.get([questionKey])).get(questionKey) as SessionDoc['question'] | undefined) ?? null;
    },

    /** Numbers the next coding submission of an open session; null when the session is not open. */
    async countSubmission(_id: ObjectId, openAfter: Date): Promise<number | null> {
      const counted = await db.sessions.findOneAndUpdate(
        { _id, ...open(openAfter) },
        { $inc: { submissionCount: 1 } },
        { returnDocument: 'after' }
      );
      return counted ? (counted.submissionCount ?? 1) : null;
    },

    async setSelfScore(_id: ObjectId, selfScore: NonNullable<SessionDoc['selfScore']>, at: Date): Promise<void> {
      await db.sessions.updateOne({ _id }, { $set: { selfScore, updatedAt: at } });
    },

    /**
     * Claims the next replay snapshot: sets `lastSnapshotAt` when the last one is older than `dueBefore` (or
     * always, without it), so concurrent saves take one snapshot, not two. The session as it was, or null.
     */
    claimSnapshot(_id: ObjectId, at: Date, dueBefore: Date | null) {
      const due = dueBefore ? { lastSnapshotAt: { $lte: dueBefore } } : {};
      // The stored document (small: no question, rubric or scene); the embedded server takes no projection here.
      return db.sessions.findOneAndUpdate({ _id, ...due }, { $set: { lastSnapshotAt: at } });
    },

    /** Every session of a user, oldest first, hydrated, without the notes (insights never read them). */
    async forInsights(userId: ObjectId): Promise<{ session: SessionDoc; rubricRef: string }[]> {
      const stored = await db.sessions
        .find({ userId }, { projection: { work: 0 } })
        .sort({ startedAt: 1 })
        .toArray();
      const sessions = await hydrateMany(stored);
      return sessions.map((session, i) => ({ session, rubricRef: stored[i]!.rubricRef }));
    },

    /** The stories a user's behavioral mocks told, per prompt (only the story fields of the notes are read). */
    async storyPicks(
      userId: ObjectId,
      keys: readonly string[]
    ): Promise<{ sessionId: ObjectId; storyIds: string[] }[]> {
      const projection = Object.fromEntries(keys.map((key) => [`work.notes.${key}`, 1]));
      const docs = await db.sessions.find({ userId, kind: 'behavioral' }, { projection }).toArray();
      return docs.map((doc) => ({
        sessionId: doc._id,
        storyIds: keys
          .map((key) => doc.work?.notes?.[key as keyof typeof doc.work.notes])
          .filter((id): id is string => Boolean(id))
      }));
    },

    /** Every session of a user as stored, oldest first, for the export: their ids from the user's list, each by `_id`. */
    async forExport(userId: ObjectId): Promise<StoredSessionDoc[]> {
      const listed = await userSessions.ensureBuilt(userId);
      const docs = await byIds(Object.keys(listed.taken ?? {}).map((hex) => new ObjectId(hex)));
      return docs
        .filter((doc) => doc.userId.equals(userId))
        .sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime());
    }
  };
}

export type SessionsRepo = ReturnType<typeof createSessionsRepo>;
