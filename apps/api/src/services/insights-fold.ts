/**
 * Keeps each user's insights aggregate current: a read folds in the sessions written since the last one (each
 * read by `_id`, with the peer score or submission the write named), and rebuilds from every session only when it
 * must (no aggregate yet, a fold left unfinished, or a change the aggregate cannot take exactly).
 */
import { candidateTests } from '@mockloop/question-bank/confirmation';
import type { HireSignal } from '@mockloop/rubrics';
import type { ObjectId } from 'mongodb';
import {
  buildAggregate,
  NeedsRebuild,
  replaceSession,
  type InsightsAggregate
} from '../analytics/insights-aggregate.ts';
import { contributionOf, type Contribution } from '../analytics/insights-contribution.ts';
import { phaseTimes, type ScoredSession } from '../analytics/scored.ts';
import type { SessionDoc } from '../db/client.ts';
import { parseObjectId } from '../db/ids.ts';
import type { InsightsCache, InsightsChange } from '../db/insights-cache-repo.ts';
import type { Repositories } from '../db/repositories.ts';
import { handle, type DomainEvent, type Follower, type HandlerTable } from './events.ts';

/** The row behavioral prompts' time boxes share in "time per phase". */
const BEHAVIORAL_PROMPT_PHASE = { id: 'behavioral-prompt', name: 'Behavioral prompt (each against its box)' };
/** More changes than this since the last read: rebuilding is no slower than folding them one by one. */
const MAX_FOLDED = 500;

/** What a session contributed, and the peer scores and judged submissions it was computed from. */
interface SessionState {
  contribution: Contribution | null;
  peers: Record<string, Record<string, number>>;
  /** The hire signal each submitted peer score gave, by peer score id (absent in states kept before predictions). */
  signals?: Record<string, HireSignal>;
  judged: { n: number; passed: number; total: number; at: string }[];
}

function inputOf(s: SessionDoc, state: SessionState): ScoredSession & { selfScore: number | null } {
  const question = s.question;
  const judged = [...state.judged].sort((a, b) => a.n - b.n);
  const last = judged.at(-1);
  const firstSolve = judged.find((j) => j.total > 0 && j.passed === j.total);
  const times = phaseTimes({
    startedAt: s.startedAt.toISOString(),
    submittedAt: s.submittedAt?.toISOString() ?? null,
    phasePlan: s.phasePlan,
    phaseLog: s.phaseLog.map((p) => ({ phaseId: p.phaseId, startedAt: p.startedAt.toISOString() }))
  });
  return {
    id: s._id.toHexString(),
    kind: s.kind,
    rubric: s.rubric,
    questionId: question.id,
    startedAt: s.startedAt.toISOString(),
    submittedAt: s.submittedAt?.toISOString() ?? null,
    selfRatings: s.selfScore?.ratings ?? null,
    selfScore: s.selfScore?.score ?? null,
    oops: s.selfScore?.oops ?? [],
    peerRatings: Object.values(state.peers),
    peerPrediction: s.selfScore?.peerPrediction?.hireSignal ?? null,
    peerSignals: Object.values(state.signals ?? {}),
    phasePlan: [],
    phaseLog: [],
    // A behavioral mock's phases are its prompts: their time against the box adds up as one row.
    phaseTimes:
      s.kind === 'behavioral'
        ? times.map((t) => ({ ...t, id: BEHAVIORAL_PROMPT_PHASE.id, name: BEHAVIORAL_PROMPT_PHASE.name }))
        : times,
    ...(question.kind === 'coding'
      ? {
          coding: {
            title: question.title,
            pattern: question.pattern,
            difficulty: question.difficulty,
            boxMinutes: question.timeBoxMin,
            passed: last?.passed ?? null,
            total: last?.total ?? candidateTests(question).length,
            solvedMinutes: firstSolve ? (Date.parse(firstSolve.at) - s.startedAt.getTime()) / 60_000 : null
          }
        }
      : {})
  };
}

/** A change to fold into one user's insights. */
export interface InsightsTouch {
  userId: ObjectId;
  change: InsightsChange;
}

/**
 * What each domain event changes of what insights read (sessions, submitted peer scores, judged submissions), or
 * null when nothing. Exhaustive: a new kind of event must say here whether insights follow it.
 */
const insightsInputs: HandlerTable<InsightsTouch | null> = {
  'session-started': ({ userId, sessionId }) => ({ userId, change: { session: sessionId } }),
  // The notes and the scene are not insights' to read.
  'work-saved': () => null,
  'phase-moved': ({ userId, sessionId }) => ({ userId, change: { session: sessionId } }),
  'session-ended': ({ userId, sessionId }) => ({ userId, change: { session: sessionId } }),
  'self-scored': ({ userId, sessionId }) => ({ userId, change: { session: sessionId } }),
  // Folded as a session that is no longer there: its contribution leaves the aggregate.
  'session-deleted': ({ userId, sessionId }) => ({ userId, change: { session: sessionId } }),
  // Not judged yet: insights count judged submissions only.
  'submission-made': () => null,
  'submission-judged': ({ userId, sessionId, submissionId }) => ({
    userId,
    change: { session: sessionId, submission: submissionId }
  }),
  // A reviewer's confirmation is shown with the submission and exported, not counted in insights.
  'submission-confirmed': () => null,
  'peer-scored': ({ userId, sessionId, peerScoreId }) => ({
    userId,
    change: { session: sessionId, peerScore: peerScoreId }
  }),
  'invite-revoked': () => null,
  'invite-changed': () => null,
  // A loop's rounds are sessions with their own events; its feedback reaches insights as each live round's peer
  // score, published (and told as `peer-scored`) when the loop is decided.
  'loop-changed': () => null,
  'loop-decided': () => null,
  'room-message': () => null
};

/** The change an event makes to a user's insights inputs, or null. */
export const insightsTouchOf = (event: DomainEvent): InsightsTouch | null => handle(insightsInputs, event);

/**
 * The insights follower of domain events: records each change for the next read to fold in. Its failure fails
 * the write's answer, so a change is never silently left out of insights.
 */
export function insightsFollower(cache: Pick<InsightsCache, 'touch'>): Follower {
  return async (event) => {
    const touch = insightsTouchOf(event);
    if (touch) await cache.touch(touch.userId, touch.change);
  };
}

export function createInsightsFold(repos: Repositories, now: () => Date) {
  const { sessions, peerScores, submissions, insightsCache: cache } = repos;

  /** Stores the aggregate and the sessions' states, unless a write came since `version` read. */
  async function keep(
    userId: ObjectId,
    version: number,
    agg: InsightsAggregate,
    states: Map<ObjectId, SessionState>,
    all: boolean
  ) {
    if (!(await cache.store(userId, version, JSON.stringify(agg)))) return;
    const written = [...states].map(([_id, state]) => ({ _id, stateJson: JSON.stringify(state) }));
    await cache.writeSessionStates(userId, written, all);
    await cache.settle(userId);
  }

  /** Every session read again: the slow path. */
  async function rebuild(userId: ObjectId, version: number): Promise<InsightsAggregate> {
    // The notes are not needed here, and the embedded server pays for every byte it reads.
    const rows = await sessions.forInsights(userId);
    const ids = rows.map(({ session }) => session._id);
    const codingIds = rows.filter(({ session }) => session.kind === 'coding').map(({ session }) => session._id);
    const [peerDocs, judged] = await Promise.all([
      peerScores.submittedForSessions(ids),
      submissions.judgedFor(codingIds)
    ]);
    const states = new Map<ObjectId, SessionState>();
    for (const { session } of rows) {
      const state: SessionState = {
        contribution: null,
        peers: Object.fromEntries(
          peerDocs.filter((p) => p.sessionId.equals(session._id)).map((p) => [p._id.toHexString(), p.ratings])
        ),
        signals: Object.fromEntries(
          peerDocs
            .filter((p) => p.sessionId.equals(session._id) && p.hireSignal)
            .map((p) => [p._id.toHexString(), p.hireSignal!])
        ),
        judged: judged
          .filter((j) => j.sessionId.equals(session._id))
          .map((j) => ({ n: j.n, passed: j.passed!, total: j.total, at: j.createdAt.toISOString() }))
      };
      state.contribution = contributionOf(inputOf(session, state));
      states.set(session._id, state);
    }
    const agg = buildAggregate(
      [...states.values()].map((s) => s.contribution!),
      now()
    );
    await keep(userId, version, agg, states, true);
    return agg;
  }

  /** Folds the changed sessions into `agg`; throws NeedsRebuild when one cannot be. */
  async function fold(userId: ObjectId, agg: InsightsAggregate, dirty: string[]) {
    const bySession = new Map<string, string[]>();
    for (const entry of dirty) {
      const [id, kind, ref] = entry.split(' ');
      const refs = bySession.get(id!) ?? [];
      if (kind && ref) refs.push(`${kind} ${ref}`);
      bySession.set(id!, refs);
    }
    const states = new Map<ObjectId, SessionState>();
    for (const [id, refs] of bySession) {
      const _id = parseObjectId(id);
      if (!_id) continue;
      const [stored, session] = await Promise.all([cache.sessionState(_id), sessions.findById(_id)]);
      const state: SessionState = stored ? JSON.parse(stored) : { contribution: null, peers: {}, judged: [] };
      for (const ref of refs) {
        const [kind, refId] = ref.split(' ');
        const refObjectId = parseObjectId(refId!);
        if (!refObjectId) continue;
        if (kind === 'peer') {
          const peer = await peerScores.byId(refObjectId);
          if (peer?.submittedAt && peer.sessionId.equals(_id)) {
            state.peers[refId!] = peer.ratings;
            if (peer.hireSignal) state.signals = { ...state.signals, [refId!]: peer.hireSignal };
          }
        } else {
          const judged = await submissions.summary(refObjectId);
          if (judged && judged.passed !== null && judged.sessionId.equals(_id)) {
            state.judged = state.judged.filter((j) => j.n !== judged.n);
            state.judged.push({
              n: judged.n,
              passed: judged.passed,
              total: judged.total,
              at: judged.createdAt.toISOString()
            });
          }
        }
      }
      const next = session && session.userId.equals(userId) ? contributionOf(inputOf(session, state)) : null;
      replaceSession(agg, state.contribution, next, now());
      states.set(_id, { ...state, contribution: next });
    }
    return states;
  }

  return {
    /** The user's insights aggregate, current as of this read. */
    async aggregateFor(userId: ObjectId): Promise<InsightsAggregate> {
      const doc = await cache.read(userId);
      const version = doc?.version ?? 0;
      const json =
        doc?.built && !doc.pending && (doc.dirty?.length ?? 0) <= MAX_FOLDED && (await cache.aggregate(userId));
      if (!json) return rebuild(userId, version);
      const agg = JSON.parse(json) as InsightsAggregate;
      if (!doc.dirty?.length) return agg;
      try {
        const states = await fold(userId, agg, doc.dirty);
        await keep(userId, version, agg, states, false);
        return agg;
      } catch (error) {
        if (error instanceof NeedsRebuild) return rebuild(userId, version);
        throw error;
      }
    },

    /** Drops the aggregate: the next read rebuilds it from every session. */
    async invalidate(userId: ObjectId): Promise<void> {
      await cache.touch(userId);
    },

    rebuild
  };
}

export type InsightsFold = ReturnType<typeof createInsightsFold>;
