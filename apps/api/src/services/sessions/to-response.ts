/** The session as the client sees it: whiteboard, evidence once finished, and the assessment it belongs to. */
import type { Assessment, Score, Session } from '@mockloop/contracts';
import type { SessionDoc } from '../../db/client.ts';
import type { SessionContext } from './context.ts';
import { deadlinePassed } from './policy.ts';
import { needsInterviewed, projectQuestions } from './guide.ts';
import { kindModule } from './kinds/index.ts';

/**
 * The problems of the assessment a session belongs to, in order, with each one's latest judged result and, for
 * the owner, the pair's combined score. A reviewer was invited to this problem only, and sees no other problem's
 * session or result.
 */
async function assessmentOf(
  ctx: SessionContext,
  doc: SessionDoc,
  role: 'owner' | 'reviewer'
): Promise<Assessment | null> {
  if (!doc.assessment) return null;
  const all = await ctx.repos.sessions.assessmentParts(doc.assessment.id, doc.userId);
  const parts = role === 'owner' ? all : all.filter((p) => p._id.equals(doc._id));
  parts.sort((a, b) => (a.assessment?.part ?? 0) - (b.assessment?.part ?? 0));
  const latest = await Promise.all(parts.map((p) => ctx.repos.submissions.latestJudged(p._id)));
  const results = latest.map((submission, i) =>
    submission && role === 'owner'
      ? {
          passed: submission.passed ?? 0,
          total: submission.total,
          minutes: Math.round((submission.createdAt.getTime() - parts[i]!.startedAt.getTime()) / 6000) / 10
        }
      : null
  );
  return {
    id: doc.assessment.id.toHexString(),
    parts: parts.map((p, i) => {
      const question = ctx.catalog.get(p.question.id);
      return {
        sessionId: p._id.toHexString(),
        questionId: p.question.id,
        questionTitle: p.question.title,
        difficulty: question?.kind === 'coding' ? question.difficulty : null,
        status: p._id.equals(doc._id) || deadlinePassed(p, ctx.now()) ? doc.status : p.status,
        result: results[i] ?? null
      };
    }),
    combined: role === 'owner' ? combine(results) : null
  };
}

/** The pair as one score: the mean of the pass rates, an unjudged problem counting 0. */
function combine(results: ({ passed: number; total: number; minutes: number } | null)[]): Assessment['combined'] {
  const rates = results.map((r) => (r && r.total > 0 ? r.passed / r.total : 0));
  const judged = results.filter((r) => r !== null);
  return {
    score: Math.round((100 * rates.reduce((a, b) => a + b, 0)) / Math.max(1, rates.length)),
    passed: judged.reduce((sum, r) => sum + r.passed, 0),
    total: judged.reduce((sum, r) => sum + r.total, 0),
    minutes: judged.length ? Math.max(...judged.map((r) => r.minutes)) : null
  };
}

export async function toResponse(
  ctx: SessionContext,
  doc: SessionDoc,
  role: 'owner' | 'reviewer' = 'owner'
): Promise<Session> {
  // The revision and notes come with the scene they wrote (a save in between is read whole, never half).
  const work = await ctx.repos.scenes.workAt(doc);
  // What of the interviewer's guide this viewer gets: one projection decides it (see guide.ts).
  const interviewed = needsInterviewed(doc, role) && (await ctx.repos.invites.hasInterviewer(doc._id, ctx.now()));
  const { question, prompts } = projectQuestions(doc, work.notes, { role, interviewed });
  const endedAt = (doc.submittedAt ?? ctx.now()).toISOString();
  const phaseLog = doc.phaseLog.map((p) => ({ phaseId: p.phaseId, startedAt: p.startedAt.toISOString() }));
  return {
    id: doc._id.toHexString(),
    role,
    kind: doc.kind,
    status: doc.status,
    question,
    prompts,
    rubric: doc.rubric,
    durationMin: doc.durationMin,
    startedAt: doc.startedAt.toISOString(),
    deadline: doc.deadline.toISOString(),
    serverNow: ctx.now().toISOString(),
    submittedAt: doc.submittedAt?.toISOString() ?? null,
    submitReason: doc.submitReason,
    revision: work.revision,
    phasePlan: doc.phasePlan,
    phaseLog,
    work: { notes: work.notes, scene: work.scene },
    // A reviewer never sees the candidate's own score: it would anchor theirs.
    selfScore: doc.selfScore && role === 'owner' ? selfScoreOf(doc.selfScore) : null,
    // What each kind is scored on, from its module (kinds/).
    evidence:
      doc.status === 'submitted'
        ? await kindModule(doc.kind).evidence(ctx, doc, { endedAt, phaseLog, notes: work.notes, scene: work.scene })
        : null,
    assessment: await assessmentOf(ctx, doc, role),
    loop: doc.loop ? { id: doc.loop.id.toHexString(), round: doc.loop.round } : null
  };
}

function selfScoreOf({ peerPrediction, ...score }: NonNullable<SessionDoc['selfScore']>): Score {
  return {
    ...score,
    savedAt: score.savedAt.toISOString(),
    peerPrediction: peerPrediction
      ? { hireSignal: peerPrediction.hireSignal, at: peerPrediction.at.toISOString() }
      : null
  };
}
