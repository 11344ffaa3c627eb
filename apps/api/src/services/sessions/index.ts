/**
 * The session engine: the server's clock, autosave with revisions, phases, submit and lock, coding submissions,
 * the replay and self-scoring. One use case a module; this factory binds them to one context.
 *
 * @example
 * const sessions = createSessionService({ repos, catalog, now: () => new Date(), isReviewer });
 * const doc = await sessions.start(user, { questionId: 'url-shortener' });
 */
import { MAX_SESSIONS_PER_DAY } from '@mockloop/contracts/constants';
import type { SessionContext, SessionServiceOptions } from './context.ts';
import { loadOwn, loadReadable } from './context.ts';
import { createSubmission, listSubmissions, saveSubmissionResult } from './coding-submissions.ts';
import { confirmationInputs, confirmSubmission } from './confirm-submission.ts';
import { listSessions } from './list.ts';
import { movePhase } from './move-phase.ts';
import { sessionReference } from './reference.ts';
import { saveWork } from './save-work.ts';
import { saveSelfScore } from './self-score.ts';
import { listSnapshots, snapshotsTaken } from './snapshots.ts';
import { startBehavioralMock } from './start-behavioral.ts';
import { startLoopRound } from './start-round.ts';
import { startPairHalf } from './start-pair.ts';
import { startAssessment, startSession } from './start.ts';
import { submitSession, sweepExpired } from './submit.ts';
import { toResponse } from './to-response.ts';

export type { SessionServiceOptions } from './context.ts';
export { CODING_LENGTHS_MIN, DESIGN_LENGTHS_MIN } from './kinds/index.ts';

type Rest<F> = F extends (ctx: SessionContext, ...args: infer A) => infer R ? (...args: A) => R : never;

function bind<F extends (ctx: SessionContext, ...args: never[]) => unknown>(ctx: SessionContext, use: F): Rest<F> {
  return ((...args: never[]) => use(ctx, ...args)) as Rest<F>;
}

export function createSessionService(options: SessionServiceOptions) {
  const ctx: SessionContext = {
    allowShortSessions: false,
    emit: async () => {},
    sessionsPerDay: MAX_SESSIONS_PER_DAY,
    interviewerRecord: (userId) => options.repos.interviewerRecords.find(userId),
    ...options,
    lastSnapshotAt: new Map(),
    pendingSnapshots: new Map()
  };
  return {
    start: bind(ctx, startSession),
    startAssessment: bind(ctx, startAssessment),
    startBehavioral: bind(ctx, startBehavioralMock),
    startLoopRound: bind(ctx, startLoopRound),
    startPairHalf: bind(ctx, startPairHalf),
    get: bind(ctx, loadOwn),
    getReadable: bind(ctx, loadReadable),
    list: bind(ctx, listSessions),
    saveWork: bind(ctx, saveWork),
    movePhase: bind(ctx, movePhase),
    submit: bind(ctx, submitSession),
    createSubmission: bind(ctx, createSubmission),
    saveSubmissionResult: bind(ctx, saveSubmissionResult),
    confirmationInputs: bind(ctx, confirmationInputs),
    confirmSubmission: bind(ctx, confirmSubmission),
    submissions: bind(ctx, listSubmissions),
    snapshots: bind(ctx, listSnapshots),
    reference: bind(ctx, sessionReference),
    saveSelfScore: bind(ctx, saveSelfScore),
    sweepExpired: bind(ctx, sweepExpired),
    toResponse: bind(ctx, toResponse),
    /** Resolves once the snapshots saves left to take after their answer are stored (before the database closes). */
    settled: bind(ctx, snapshotsTaken)
  };
}

export type SessionService = ReturnType<typeof createSessionService>;
