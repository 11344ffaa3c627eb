/** The session engine: the server's clock, autosave with revisions, phases, submit and lock, and self-scoring. */
import type {
  Assessment,
  CreateAssessmentBody,
  CreateSessionBody,
  DesignNotes,
  Scene,
  SelfScoreBody,
  Session,
  SessionSummary,
  WorkPatchBody
} from '@mockloop/contracts';
import { ASSESSMENT_LENGTHS_MIN, CODE_FIELDS } from '@mockloop/contracts';
import type { VersionedQuestion } from '@mockloop/question-bank/load';
import type { CodingQuestion } from '@mockloop/question-bank/schema';
import {
  designPhasePlan,
  hireSignal,
  scoreSubmissionSchemaFor,
  weightedScore,
  type PlannedPhase
} from '@mockloop/rubrics';
import { MongoServerError, ObjectId, type Filter } from 'mongodb';
import type { Database, SessionDoc, StoredSessionDoc, SignedInUser } from '../db/client.ts';
import { createInsightsCache } from '../db/insights-cache.ts';
import { createSessionStore } from '../db/session-store.ts';
import { ApiError, notFound, validationError } from '../errors.ts';
import type { Catalog } from './catalog.ts';
import { publicQuestion } from './catalog.ts';
import { assertKnownCriteria } from './criteria.ts';
import { codingEvidence, designEvidence } from './evidence.ts';

export const DESIGN_LENGTHS_MIN = [45, 60, 90] as const;
export const CODING_LENGTHS_MIN = [15, 30, 45, 60, 90] as const;

/** A coding session starts with the problem's starter code in every language, in TypeScript by default. */
function codingStarter(question: CodingQuestion): DesignNotes {
  return {
    language: 'typescript',
    [CODE_FIELDS.javascript]: question.starter.javascript,
    [CODE_FIELDS.typescript]: question.starter.typescript,
    [CODE_FIELDS.python]: question.starter.python
  };
}
const SNAPSHOT_EVERY_MS = 30_000;

export interface SessionServiceOptions {
  db: Database;
  /** Whether a user is a reviewer of a session (peer review owns that rule). */
  isReviewer: (user: SignedInUser, sessionId: ObjectId) => Promise<boolean>;
  catalog: Catalog;
  now: () => Date;
  /** Saves that left the browser before the deadline may arrive a little after it. */
  graceMs?: number;
  /** Allow any length from 1 minute (tests of the deadline); never in production. */
  allowShortSessions?: boolean;
}

const sessionNotFound = () => notFound('That session');

export function createSessionService(options: SessionServiceOptions) {
  const { db, catalog, now, graceMs, allowShortSessions, isReviewer } = {
    graceMs: 5_000,
    allowShortSessions: false,
    ...options
  };

  const store = createSessionStore(db);
  const insights = createInsightsCache(db);
  /** When this process last took (or saw) a replay snapshot per session; bounded, oldest dropped first. */
  const lastSnapshotAt = new Map<string, number>();
  function rememberSnapshot(key: string, at: number): void {
    lastSnapshotAt.delete(key);
    lastSnapshotAt.set(key, at);
    if (lastSnapshotAt.size > 10_000) lastSnapshotAt.delete(lastSnapshotAt.keys().next().value!);
  }

  function ownFilter(user: SignedInUser, id: string): Filter<StoredSessionDoc> {
    // A malformed id cannot name anyone's session: the same 404 as a stranger's id.
    if (!ObjectId.isValid(id) || id.length !== 24) throw sessionNotFound();
    return { _id: new ObjectId(id), userId: user._id };
  }

  /** Submits the session if its deadline (plus grace) has passed; returns the document as it now stands. */
  async function settleDeadline<T extends SessionDoc | StoredSessionDoc>(doc: T): Promise<T> {
    if (doc.status !== 'active' || now().getTime() < doc.deadline.getTime() + graceMs) return doc;
    const set = {
      status: 'submitted' as const,
      submittedAt: doc.deadline,
      submitReason: 'deadline' as const,
      updatedAt: now()
    };
    const settled = await db.sessions.updateOne({ _id: doc._id, status: 'active' }, { $set: set });
    if (settled.modifiedCount > 0) await insights.touch(doc.userId);
    return { ...doc, ...set };
  }

  async function load(user: SignedInUser, id: string): Promise<SessionDoc> {
    const doc = await store.findOne(ownFilter(user, id));
    if (!doc) throw sessionNotFound();
    return settleDeadline(doc);
  }

  /** The session for reading: its owner, or a reviewer admitted by an invite. Anyone else gets 404. */
  async function loadReadable(
    user: SignedInUser,
    id: string
  ): Promise<{ doc: SessionDoc; role: 'owner' | 'reviewer' }> {
    if (!ObjectId.isValid(id) || id.length !== 24) throw sessionNotFound();
    const doc = await store.findOne({ _id: new ObjectId(id) });
    if (!doc) throw sessionNotFound();
    if (doc.userId.equals(user._id)) return { doc: await settleDeadline(doc), role: 'owner' };
    if (await isReviewer(user, doc._id)) return { doc: await settleDeadline(doc), role: 'reviewer' };
    throw sessionNotFound();
  }

  /** Why a conditional write matched nothing: gone, locked, or a stale revision. */
  async function explainMiss(user: SignedInUser, id: string, revision?: number): Promise<never> {
    const doc = await load(user, id);
    if (doc.status !== 'active' || now().getTime() >= doc.deadline.getTime() + graceMs) {
      throw new ApiError(409, 'SESSION_LOCKED', 'This session has ended and can no longer be changed.');
    }
    throw new ApiError(
      409,
      'CONFLICT',
      `This session was saved elsewhere (revision ${doc.revision}, you sent ${revision ?? '?'}). Reload its work and merge.`
    );
  }

  async function codingEvidenceFor(doc: SessionDoc, endedAt: string) {
    const question = doc.question as CodingQuestion;
    const latest = await db.submissions
      .find({ sessionId: doc._id, passed: { $ne: null } })
      .sort({ n: -1 })
      .limit(1)
      .toArray();
    return codingEvidence({
      rubric: doc.rubric,
      latest: latest[0] ? { passed: latest[0].passed ?? 0, total: latest[0].total } : null,
      totalTests: question.hiddenTests.length,
      minutesUsed: (Date.parse(endedAt) - doc.startedAt.getTime()) / 60_000,
      boxMinutes: question.timeBoxMin
    });
  }

  /** Replaces the scene unless a newer revision already wrote it (a slow request arriving late). */
  async function writeScene(sessionId: ObjectId, revision: number, scene: Scene): Promise<void> {
    try {
      await db.sessionScenes.replaceOne(
        { _id: sessionId, revision: { $lt: revision } },
        { revision, sceneJson: JSON.stringify(scene) },
        { upsert: true }
      );
    } catch (error) {
      // The upsert collides with a newer scene's _id: that newer scene stays.
      if (!(error instanceof MongoServerError && error.code === 11000)) throw error;
    }
  }

  async function readScene(sessionId: ObjectId): Promise<Scene> {
    const doc = await db.sessionScenes.findOne({ _id: sessionId });
    return doc ? (JSON.parse(doc.sceneJson) as Scene) : { elements: [] };
  }

  /**
   * Records the work as it stands for the replay: at most every 30 s of activity, and always when `force`d
   * (phase changes, submit). The conditional update makes concurrent saves take one snapshot, not two.
   */
  async function snapshot(sessionId: ObjectId, force = false): Promise<void> {
    const at = now();
    const key = sessionId.toHexString();
    // Most saves are not due: this process remembers when it last took one, so they cost no database read.
    // The conditional update below stays the rule across processes and restarts.
    const known = lastSnapshotAt.get(key);
    if (!force && known !== undefined && at.getTime() - known < SNAPSHOT_EVERY_MS) return;
    const due = force ? {} : { lastSnapshotAt: { $lte: new Date(at.getTime() - SNAPSHOT_EVERY_MS) } };
    const doc = await db.sessions.findOneAndUpdate({ _id: sessionId, ...due }, { $set: { lastSnapshotAt: at } });
    if (!doc) {
      // Another process took one recently; look again after a full interval rather than on every save.
      if (!force) rememberSnapshot(key, at.getTime());
      return;
    }
    rememberSnapshot(key, at.getTime());
    const scene = await readScene(sessionId);
    await db.snapshots.insertOne({
      _id: new ObjectId(),
      sessionId,
      at,
      phaseId: doc.phaseLog.at(-1)?.phaseId ?? '',
      notes: doc.work.notes,
      elementsJson: JSON.stringify(scene.elements)
    });
  }

  function checkLength(durationMin: number, allowed: readonly number[]): void {
    if (!allowShortSessions && !allowed.includes(durationMin)) {
      throw new ApiError(400, 'VALIDATION_FAILED', `This mock lasts ${allowed.join(', ')} minutes.`, {
        durationMin: `Choose ${allowed.join(', ')}`
      });
    }
  }

  function newSession(
    user: SignedInUser,
    question: VersionedQuestion,
    durationMin: number,
    startedAt: Date
  ): SessionDoc {
    const coding = question.kind === 'coding';
    const plan: PlannedPhase[] = coding ? [] : designPhasePlan(durationMin);
    return {
      _id: new ObjectId(),
      userId: user._id,
      kind: question.kind,
      status: 'active',
      question,
      rubric: catalog.rubricFor(question),
      durationMin,
      startedAt,
      deadline: new Date(startedAt.getTime() + durationMin * 60_000),
      submittedAt: null,
      submitReason: null,
      revision: 0,
      phasePlan: plan,
      phaseLog: plan[0] ? [{ phaseId: plan[0].id, startedAt }] : [],
      work: { notes: coding ? codingStarter(question as CodingQuestion) : {} },
      selfScore: null,
      updatedAt: startedAt,
      lastSnapshotAt: new Date(0)
    };
  }

  type CodingEntry = VersionedQuestion & CodingQuestion;

  function codingQuestion(id: string, index: number): CodingEntry {
    const question = catalog.get(id);
    if (question?.kind !== 'coding') {
      throw new ApiError(400, 'VALIDATION_FAILED', 'An assessment takes two coding problems.', {
        [`questionIds.${index}`]: question ? 'Not a coding problem' : 'Unknown question'
      });
    }
    return question;
  }

  /** LeetCode's assessment shape: a warm-up (easy or medium) and a harder one (medium or hard), never the same. */
  function pickAssessment(): CodingEntry[] {
    const coding = catalog.all().filter((q): q is CodingEntry => q.kind === 'coding');
    const pick = <T>(items: T[]) => items[Math.floor(Math.random() * items.length)];
    const second = pick(coding.filter((q) => q.difficulty !== 'easy'));
    const first = pick(coding.filter((q) => q.difficulty !== 'hard' && q !== second));
    if (!first || !second) {
      throw new ApiError(409, 'CONFLICT', 'The question bank needs at least two coding problems for an assessment.');
    }
    return [first, second];
  }

  /** The problems of the assessment a session belongs to, in order. */
  async function assessmentOf(doc: SessionDoc): Promise<Assessment | null> {
    if (!doc.assessment) return null;
    const parts = await db.sessions
      .find({ 'assessment.id': doc.assessment.id, userId: doc.userId }, { projection: { work: 0, phasePlan: 0 } })
      .toArray();
    parts.sort((a, b) => (a.assessment?.part ?? 0) - (b.assessment?.part ?? 0));
    return {
      id: doc.assessment.id.toHexString(),
      parts: parts.map((p) => ({
        sessionId: p._id.toHexString(),
        questionId: p.question.id,
        questionTitle: p.question.title,
        status: p._id.equals(doc._id) || now().getTime() >= p.deadline.getTime() + graceMs ? doc.status : p.status
      }))
    };
  }

  function writable(): Filter<StoredSessionDoc> {
    return { status: 'active', deadline: { $gt: new Date(now().getTime() - graceMs) } };
  }

  return {
    async start(user: SignedInUser, body: CreateSessionBody): Promise<SessionDoc> {
      const question = catalog.get(body.questionId);
      if (!question) {
        throw new ApiError(400, 'VALIDATION_FAILED', 'There is no question with that id.', {
          questionId: 'Unknown question'
        });
      }
      if (question.kind === 'behavioral') {
        throw new ApiError(400, 'VALIDATION_FAILED', 'Leadership questions cannot be run as a timed mock yet.', {
          questionId: 'Choose a design or coding question'
        });
      }
      const coding = question.kind === 'coding';
      // Coding: the roadmap's time box for the difficulty unless another length is chosen.
      const durationMin = body.durationMin ?? (coding ? question.timeBoxMin : 60);
      checkLength(durationMin, coding ? CODING_LENGTHS_MIN : DESIGN_LENGTHS_MIN);
      const doc = newSession(user, question, durationMin, now());
      await store.insert(doc);
      await insights.touch(user._id);
      return doc;
    },

    /** Two coding problems on one clock; returns the first problem's session. */
    async startAssessment(user: SignedInUser, body: CreateAssessmentBody): Promise<SessionDoc> {
      const durationMin = body.durationMin ?? 90;
      checkLength(durationMin, ASSESSMENT_LENGTHS_MIN);
      const questions = body.questionIds ? body.questionIds.map(codingQuestion) : pickAssessment();
      const startedAt = now();
      const id = new ObjectId();
      const docs = questions.map((question, part) => ({
        ...newSession(user, question, durationMin, startedAt),
        assessment: { id, part }
      }));
      for (const doc of docs) await store.insert(doc);
      await insights.touch(user._id);
      return docs[0]!;
    },

    get: load,
    getReadable: loadReadable,

    async list(
      user: SignedInUser,
      query: { kind?: string; status?: string; from?: string; to?: string; limit: number }
    ): Promise<SessionSummary[]> {
      const filter: Filter<StoredSessionDoc> = { userId: user._id };
      if (query.kind) filter.kind = query.kind as SessionDoc['kind'];
      if (query.from || query.to) {
        filter.startedAt = {
          ...(query.from ? { $gte: new Date(`${query.from}T00:00:00Z`) } : {}),
          ...(query.to ? { $lt: new Date(Date.parse(`${query.to}T00:00:00Z`) + 86_400_000) } : {})
        };
      }
      const docs = await db.sessions
        .find(filter, { projection: { work: 0, phasePlan: 0 } })
        .sort({ startedAt: -1 })
        .limit(query.limit)
        .toArray();
      const settled = await Promise.all(docs.map((doc) => settleDeadline(doc)));
      return settled
        .filter((doc) => !query.status || doc.status === query.status)
        .map((doc) => ({
          id: doc._id.toHexString(),
          kind: doc.kind,
          status: doc.status,
          questionId: doc.question.id,
          questionTitle: doc.question.title,
          startedAt: doc.startedAt.toISOString(),
          deadline: doc.deadline.toISOString(),
          submittedAt: doc.submittedAt?.toISOString() ?? null,
          score: doc.selfScore?.score ?? null,
          hireSignal: doc.selfScore?.hireSignal ?? null
        }));
    },

    /** An autosave: accepted only on the revision the client started from, while the session is open. */
    async saveWork(
      user: SignedInUser,
      id: string,
      patch: WorkPatchBody
    ): Promise<{ revision: number; savedAt: string }> {
      const set: Record<string, unknown> = {};
      for (const [field, value] of Object.entries(patch.notes ?? {}) as [keyof DesignNotes, string][]) {
        set[`work.notes.${field}`] = value;
      }
      const savedAt = now();
      set.updatedAt = savedAt;
      // The filter pins the revision, so a match means the new one is exactly one more.
      const result = await db.sessions.updateOne(
        { ...ownFilter(user, id), ...writable(), revision: patch.revision },
        { $set: set, $inc: { revision: 1 } }
      );
      if (result.matchedCount === 0) return explainMiss(user, id, patch.revision);
      const revision = patch.revision + 1;
      if (patch.scene) await writeScene(new ObjectId(id), revision, patch.scene);
      await snapshot(new ObjectId(id));
      return { revision, savedAt: savedAt.toISOString() };
    },

    async movePhase(user: SignedInUser, id: string, phaseId: string): Promise<SessionDoc> {
      const doc = await load(user, id);
      if (!doc.phasePlan.some((p) => p.id === phaseId)) {
        throw new ApiError(400, 'VALIDATION_FAILED', 'That phase is not in this session’s plan.', {
          phaseId: 'Unknown phase'
        });
      }
      if (doc.phaseLog.at(-1)?.phaseId !== phaseId) {
        const result = await db.sessions.updateOne(
          { ...ownFilter(user, id), ...writable() },
          { $push: { phaseLog: { phaseId, startedAt: now() } }, $inc: { revision: 1 }, $set: { updatedAt: now() } }
        );
        if (result.matchedCount === 0) return explainMiss(user, id);
        await insights.touch(user._id);
        await snapshot(doc._id, true);
      }
      return load(user, id);
    },

    async submit(user: SignedInUser, id: string): Promise<SessionDoc> {
      const doc = await load(user, id);
      if (doc.status === 'active') {
        const at = now();
        // The page submits when its countdown ends; that is the deadline, not an early finish.
        const atDeadline = at.getTime() >= doc.deadline.getTime();
        // Finishing one problem of an assessment finishes the assessment: it has one clock.
        const scope = doc.assessment ? { 'assessment.id': doc.assessment.id, userId: doc.userId } : { _id: doc._id };
        await db.sessions.updateMany(
          { ...scope, status: 'active' },
          {
            $set: {
              status: 'submitted',
              submittedAt: atDeadline ? doc.deadline : at,
              submitReason: atDeadline ? 'deadline' : 'finished',
              updatedAt: at
            }
          }
        );
        await insights.touch(user._id);
        await snapshot(doc._id, true);
      }
      return load(user, id);
    },

    /** Numbers a submission and hands its hidden tests to the browser, which runs them (no user code runs here). */
    async createSubmission(user: SignedInUser, id: string, body: { language: string; code: string }) {
      const doc = await load(user, id);
      if (doc.question.kind !== 'coding') {
        throw new ApiError(400, 'VALIDATION_FAILED', 'Only coding sessions take submissions.', {
          language: 'Not a coding session'
        });
      }
      const counted = await db.sessions.findOneAndUpdate(
        { _id: doc._id, ...writable() },
        { $inc: { submissionCount: 1 } },
        { returnDocument: 'after' }
      );
      if (!counted) return explainMiss(user, id);
      const n = counted.submissionCount ?? 1;
      const tests = doc.question.hiddenTests.map(({ input, expected }) => ({ input, expected }));
      await db.submissions.insertOne({
        _id: new ObjectId(),
        sessionId: doc._id,
        n,
        language: body.language,
        code: body.code,
        createdAt: now(),
        total: tests.length,
        passed: null,
        results: null
      });
      return { n, tests };
    },

    async saveSubmissionResult(user: SignedInUser, id: string, n: number, results: { verdict: string; ms: number }[]) {
      const doc = await load(user, id);
      const submission = await db.submissions.findOne({ sessionId: doc._id, n });
      if (!submission) throw notFound('That submission');
      if (doc.status !== 'active' || now().getTime() >= doc.deadline.getTime() + graceMs) {
        throw new ApiError(409, 'SESSION_LOCKED', 'This session has ended and can no longer be changed.');
      }
      if (results.length !== submission.total) {
        throw new ApiError(400, 'VALIDATION_FAILED', `Report one result per hidden test (${submission.total}).`, {
          results: `Expected ${submission.total} results`
        });
      }
      const passed = results.filter((r) => r.verdict === 'pass').length;
      await db.submissions.updateOne({ _id: submission._id }, { $set: { results, passed } });
      await insights.touch(user._id);
      return { n, passed, total: submission.total };
    },

    /**
     * The hidden tests of a submission already made, for the owner and invited reviewers: a reviewer's browser
     * re-runs the submitted code on them to confirm the reported result.
     */
    async submissionTests(user: SignedInUser, id: string, n: number) {
      const { doc } = await loadReadable(user, id);
      const submission = await db.submissions.findOne({ sessionId: doc._id, n }, { projection: { _id: 1 } });
      if (!submission || doc.question.kind !== 'coding') throw notFound('That submission');
      return { n, tests: doc.question.hiddenTests.map(({ input, expected }) => ({ input, expected })) };
    },

    async submissions(user: SignedInUser, id: string) {
      const { doc } = await loadReadable(user, id);
      const items = await db.submissions.find({ sessionId: doc._id }).sort({ n: 1 }).toArray();
      return items.map((s) => ({
        n: s.n,
        language: s.language,
        code: s.code,
        createdAt: s.createdAt.toISOString(),
        passed: s.passed,
        total: s.total,
        results: s.results
      }));
    },

    /** The replay: the work at each snapshot, oldest first. */
    async snapshots(user: SignedInUser, id: string) {
      const { doc } = await loadReadable(user, id);
      const items = await db.snapshots.find({ sessionId: doc._id }).sort({ at: 1 }).toArray();
      return items.map((s) => ({
        at: s.at.toISOString(),
        phaseId: s.phaseId,
        notes: s.notes,
        scene: { elements: JSON.parse(s.elementsJson) as Scene['elements'] }
      }));
    },

    async saveSelfScore(user: SignedInUser, id: string, body: SelfScoreBody): Promise<SessionDoc> {
      const doc = await load(user, id);
      if (doc.status !== 'submitted') {
        throw new ApiError(409, 'CONFLICT', 'Finish the session before scoring it.');
      }
      assertKnownCriteria(doc.rubric, { ratings: body.ratings, notes: body.notes });
      const parsed = scoreSubmissionSchemaFor(doc.rubric).safeParse({ ratings: body.ratings, notes: body.notes });
      if (!parsed.success) throw validationError(parsed.error, 'score');
      const ratings = parsed.data.ratings as Record<string, number>;
      const selfScore = {
        ratings,
        notes: Object.fromEntries(Object.entries(parsed.data.notes).filter(([, note]) => note)) as Record<
          string,
          string
        >,
        oops: [...new Set(body.oops)],
        summary: body.summary,
        score: weightedScore(doc.rubric, ratings),
        hireSignal: hireSignal(doc.rubric, ratings),
        savedAt: now()
      };
      await db.sessions.updateOne({ _id: doc._id }, { $set: { selfScore, updatedAt: now() } });
      await insights.touch(user._id);
      return load(user, id);
    },

    /** Submits every session whose deadline has passed; safe to run on every instance at once. */
    async sweepExpired(): Promise<number> {
      const expired = await db.sessions
        .find(
          { status: 'active', deadline: { $lte: new Date(now().getTime() - graceMs) } },
          { projection: { _id: 1, deadline: 1, userId: 1 } }
        )
        .limit(500)
        .toArray();
      for (const doc of expired) {
        const settled = await db.sessions.updateOne(
          { _id: doc._id, status: 'active' },
          { $set: { status: 'submitted', submittedAt: doc.deadline, submitReason: 'deadline', updatedAt: now() } }
        );
        if (settled.modifiedCount > 0) await insights.touch(doc.userId);
      }
      return expired.length;
    },

    /** The session as the client sees it, with its whiteboard. */
    async toResponse(doc: SessionDoc, role: 'owner' | 'reviewer' = 'owner'): Promise<Session> {
      const scene = await readScene(doc._id);
      const endedAt = (doc.submittedAt ?? now()).toISOString();
      const phaseLog = doc.phaseLog.map((p) => ({ phaseId: p.phaseId, startedAt: p.startedAt.toISOString() }));
      return {
        id: doc._id.toHexString(),
        role,
        kind: doc.kind,
        status: doc.status,
        question: publicQuestion(doc.question),
        rubric: doc.rubric,
        durationMin: doc.durationMin,
        startedAt: doc.startedAt.toISOString(),
        deadline: doc.deadline.toISOString(),
        serverNow: now().toISOString(),
        submittedAt: doc.submittedAt?.toISOString() ?? null,
        submitReason: doc.submitReason,
        revision: doc.revision,
        phasePlan: doc.phasePlan,
        phaseLog,
        work: { notes: doc.work.notes, scene },
        // A reviewer never sees the candidate's own score: it would anchor theirs.
        selfScore:
          doc.selfScore && role === 'owner' ? { ...doc.selfScore, savedAt: doc.selfScore.savedAt.toISOString() } : null,
        evidence:
          doc.status !== 'submitted'
            ? null
            : doc.question.kind === 'coding'
              ? await codingEvidenceFor(doc, endedAt)
              : doc.question.kind === 'design'
                ? designEvidence({
                    rubric: doc.rubric,
                    keyPoints: doc.question.keyPoints,
                    plan: doc.phasePlan,
                    log: phaseLog,
                    startedAt: doc.startedAt.toISOString(),
                    endedAt,
                    notes: doc.work.notes,
                    scene
                  })
                : null,
        assessment: await assessmentOf(doc)
      };
    }
  };
}

export type SessionService = ReturnType<typeof createSessionService>;
