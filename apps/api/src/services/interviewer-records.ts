/**
 * Feedback on feedback and the interviewer's record: a candidate rates an interviewer's submitted feedback (1–5 for
 * specific, actionable and calibrated against the rubric's descriptors), and an interviewer reads their record:
 * those ratings, and per rubric where their ratings sit against the other interviewers' on this instance. Follows
 * `peer-scored` to keep the record and the rubric's totals; every hot read is by `_id`.
 *
 * @example
 * const records = createInterviewerRecords(repos, now);
 * events.subscribe(records.hear);
 * await records.rate(candidate, session, { reviewerId, specific: 4, actionable: 5, calibrated: 3, comment: '' });
 */
import {
  FEEDBACK_RATING_WINDOW_DAYS,
  type FeedbackRating,
  type FeedbackRatingBody,
  type FeedbackRatingsResponse,
  type InterviewerRecord
} from '@mockloop/contracts';
import { getRubric, hireSignal, ratingsSchemaFor, weightedScore } from '@mockloop/rubrics';
import { ObjectId } from 'mongodb';
import {
  calibrationRows,
  feedbackRatingMeans,
  ratingClosesAt,
  ratingOpen,
  rubricTotals,
  type Totals
} from '../analytics/interviewer-record.ts';
import type { InterviewerRecordDoc, PeerScoreDoc, RecordEntry, SessionDoc, SignedInUser } from '../db/client.ts';
import type { Repositories } from '../db/repositories.ts';
import { ApiError } from '../errors.ts';
import { handle, type DomainEvent, type HandlerTable } from './events.ts';

const entriesOf = (record: InterviewerRecordDoc | null) => Object.entries(record?.scored ?? {});

export function createInterviewerRecords(repos: Repositories, now: () => Date) {
  const { interviewerRecords: records, peerScores, sessions, users } = repos;

  /** The record's summary of one submitted peer score (null when its session is gone). */
  async function entryOf(peer: PeerScoreDoc, known?: SessionDoc): Promise<Omit<RecordEntry, 'rating'> | null> {
    const session = known ?? (await sessions.findById(peer.sessionId));
    if (!session || !peer.submittedAt) return null;
    const candidate = await users.findById(session.userId);
    const complete = ratingsSchemaFor(session.rubric).safeParse(peer.ratings).success;
    return {
      candidateId: session.userId,
      candidateName: candidate?.name ?? 'A former member',
      questionTitle: session.question.title,
      kind: session.kind,
      rubricId: session.rubric.id,
      ratings: peer.ratings,
      score: complete ? weightedScore(session.rubric, peer.ratings) : null,
      hireSignal: peer.hireSignal ?? (complete ? hireSignal(session.rubric, peer.ratings) : null),
      submittedAt: peer.submittedAt
    };
  }

  /** Writes the interviewer's totals on a rubric, as their record now stands, into the rubric's document. */
  async function refreshTotals(interviewerId: ObjectId, rubricId: string): Promise<void> {
    const record = await records.find(interviewerId);
    if (!record) return;
    const totals = rubricTotals(
      entriesOf(record).map(([, e]) => e),
      rubricId
    );
    await records.putTotals(rubricId, interviewerId.toHexString(), record.revision, totals);
  }

  /** Counts one submitted peer score in its interviewer's record and its rubric's totals (again: no change). */
  async function count(peer: PeerScoreDoc, session?: SessionDoc): Promise<void> {
    const entry = await entryOf(peer, session);
    if (!entry) return;
    await records.putEntry(peer.reviewerId, peer.sessionId, entry);
    await refreshTotals(peer.reviewerId, entry.rubricId);
  }

  /** The interviewer's record, complete: feedback submitted before records existed is counted in by one scan. */
  async function ensureBuilt(interviewerId: ObjectId): Promise<InterviewerRecordDoc | null> {
    const found = await records.find(interviewerId);
    if (found?.built) return found;
    const submitted = await records.submittedBy(interviewerId);
    const built: { sessionId: ObjectId; entry: Omit<RecordEntry, 'rating'> }[] = [];
    for (const { _id } of submitted) {
      const peer = await peerScores.byId(_id);
      const entry = peer ? await entryOf(peer) : null;
      if (peer && entry) built.push({ sessionId: peer.sessionId, entry });
    }
    await records.markBuilt(interviewerId, built);
    for (const rubricId of new Set(built.map((b) => b.entry.rubricId))) await refreshTotals(interviewerId, rubricId);
    return records.find(interviewerId);
  }

  /** Every interviewer's totals on the rubric, every one counted in (the first read of a rubric scans once). */
  async function everyonesTotals(rubricId: string): Promise<Record<string, Totals>> {
    let doc = await records.calibrationOf(rubricId);
    if (!doc?.built) {
      for (const interviewer of await records.everyInterviewer()) await ensureBuilt(interviewer);
      await records.markRubricBuilt(rubricId);
      doc = await records.calibrationOf(rubricId);
    }
    return Object.fromEntries(Object.entries(doc?.interviewers ?? {}).map(([who, t]) => [who, t.criteria]));
  }

  /** The submitted feedback of `reviewerId` on the candidate's session, or 409 while there is none. */
  async function submittedFeedback(session: SessionDoc, reviewerId: string): Promise<PeerScoreDoc> {
    const peer = ObjectId.isValid(reviewerId) ? await peerScores.find(session._id, new ObjectId(reviewerId)) : null;
    if (!peer?.submittedAt) {
      throw new ApiError(
        409,
        'FEEDBACK_NOT_SUBMITTED',
        'There is no submitted feedback from this interviewer yet: rate it once you can read it.',
        { reviewerId: 'No submitted feedback from this interviewer' }
      );
    }
    return peer;
  }

  function toRating(reviewerId: ObjectId, entry: RecordEntry): FeedbackRating | null {
    if (!entry.rating) return null;
    return {
      reviewerId: reviewerId.toHexString(),
      specific: entry.rating.specific,
      actionable: entry.rating.actionable,
      calibrated: entry.rating.calibrated,
      comment: entry.rating.comment,
      ratedAt: entry.rating.ratedAt.toISOString(),
      editableUntil: ratingClosesAt(entry.submittedAt, FEEDBACK_RATING_WINDOW_DAYS).toISOString()
    };
  }

  const counted: HandlerTable<Promise<void> | null> = {
    'session-started': () => null,
    'work-saved': () => null,
    'phase-moved': () => null,
    'session-ended': () => null,
    'self-scored': () => null,
    // The owned-data service takes a deleted session off its interviewers' records (it knows who they were).
    'session-deleted': () => null,
    'submission-made': () => null,
    'submission-judged': () => null,
    'submission-confirmed': () => null,
    'peer-scored': async ({ peerScoreId }) => {
      const peer = await peerScores.byId(peerScoreId);
      if (peer) await count(peer);
    },
    'invite-revoked': () => null,
    'invite-changed': () => null,
    'loop-changed': () => null,
    'loop-decided': () => null,
    'room-message': () => null
  };

  return {
    ensureBuilt,

    /** The follower of domain events (see events.ts): a submitted peer score enters its interviewer's record. */
    async hear(event: DomainEvent): Promise<void> {
      await handle(counted, event);
    },

    /**
     * The candidate rates one interviewer's submitted feedback on their own session (the route loads it: anyone
     * else's answers 404), or changes that rating, until FEEDBACK_RATING_WINDOW_DAYS after it was submitted.
     */
    async rate(session: SessionDoc, body: FeedbackRatingBody): Promise<FeedbackRating> {
      const peer = await submittedFeedback(session, body.reviewerId);
      const at = now();
      if (!ratingOpen(peer.submittedAt!, at, FEEDBACK_RATING_WINDOW_DAYS)) {
        throw new ApiError(
          409,
          'RATING_CLOSED',
          `Feedback can be rated for ${FEEDBACK_RATING_WINDOW_DAYS} days after it was submitted; this window has closed.`
        );
      }
      // The record has the interview (a follower that did not finish is made good here), then the rating.
      await count(peer, session);
      const rating = {
        specific: body.specific,
        actionable: body.actionable,
        calibrated: body.calibrated,
        comment: body.comment,
        ratedAt: at
      };
      if (!(await records.setRating(peer.reviewerId, session._id, rating))) {
        throw new ApiError(409, 'FEEDBACK_NOT_SUBMITTED', 'This feedback is no longer there to rate.');
      }
      const entry = (await records.find(peer.reviewerId))?.scored?.[session._id.toHexString()];
      return toRating(peer.reviewerId, entry ?? { ...(await entryOf(peer, session))!, rating })!;
    },

    /** The candidate's ratings of each submitted feedback on their session (read from each interviewer's record). */
    async ratingsFor(session: SessionDoc): Promise<FeedbackRatingsResponse> {
      const hex = session._id.toHexString();
      const items = await Promise.all(
        (await peerScores.submittedFor(session._id)).map(async (peer) => {
          const entry = (await records.find(peer.reviewerId))?.scored?.[hex];
          return {
            reviewerId: peer.reviewerId.toHexString(),
            reviewerName: peer.reviewerName,
            editableUntil: ratingClosesAt(peer.submittedAt!, FEEDBACK_RATING_WINDOW_DAYS).toISOString(),
            rating: entry ? toRating(peer.reviewerId, entry) : null
          };
        })
      );
      return { items };
    },

    /** The signed-in interviewer's own record. */
    async recordOf(user: SignedInUser): Promise<InterviewerRecord> {
      const [record, listed] = await Promise.all([ensureBuilt(user._id), repos.userSessions.ensureBuilt(user._id)]);
      const scored = entriesOf(record);
      const me = user._id.toHexString();
      const rubricIds = [...new Set(scored.map(([, e]) => e.rubricId))];
      const calibration = await Promise.all(
        rubricIds.map(async (rubricId) => {
          const rubric = getRubric(rubricId);
          const everyone = await everyonesTotals(rubricId);
          // Mine as the record now stands (the rubric's copy may trail it by a write in flight).
          everyone[me] = rubricTotals(
            scored.map(([, e]) => e),
            rubricId
          );
          const criteria = rubric?.criteria ?? Object.keys(everyone[me]).map((id) => ({ id, name: id }));
          return {
            rubricId,
            rubricName: rubric?.title ?? rubricId,
            scores: scored.filter(([, e]) => e.rubricId === rubricId).length,
            criteria: calibrationRows(criteria, everyone, me)
          };
        })
      );
      return {
        given: Object.keys(listed.given ?? {}).length,
        scored: scored.length,
        ratings: feedbackRatingMeans(scored.map(([, e]) => e)),
        rated: scored
          .filter(([, e]) => e.rating)
          .sort(([, a], [, b]) => b.rating!.ratedAt.getTime() - a.rating!.ratedAt.getTime())
          .map(([sessionId, e]) => ({
            sessionId,
            questionTitle: e.questionTitle,
            candidateName: e.candidateName,
            specific: e.rating!.specific,
            actionable: e.rating!.actionable,
            calibrated: e.rating!.calibrated,
            comment: e.rating!.comment,
            ratedAt: e.rating!.ratedAt.toISOString()
          })),
        calibration
      };
    },

    /** Takes a deleted session off its interviewers' records, and their totals on its rubric. */
    async forgetSession(sessionId: ObjectId, rubricId: string, interviewerIds: ObjectId[]): Promise<void> {
      for (const interviewerId of interviewerIds) {
        await records.dropEntry(interviewerId, sessionId);
        await refreshTotals(interviewerId, rubricId);
      }
    },

    /** A deleted account's record and its totals on every rubric it scored with. */
    async forgetInterviewer(userId: ObjectId): Promise<void> {
      const record = await records.find(userId);
      for (const rubricId of new Set(entriesOf(record).map(([, e]) => e.rubricId))) {
        await records.removeTotals(rubricId, userId.toHexString());
      }
      await records.drop(userId);
    }
  };
}

export type InterviewerRecords = ReturnType<typeof createInterviewerRecords>;
