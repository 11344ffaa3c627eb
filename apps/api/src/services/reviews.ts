/** Peer review: invites (random tokens stored hashed, one reviewer each), reviewer access, peer scores, calibration. */
import { randomBytes } from 'node:crypto';
import type { Invite, InvitePreview, PeerScore, PeerScoreBody, ScoresResponse } from '@mockloop/contracts';
import { INVITE_TTL_DAYS } from '@mockloop/contracts';
import { calibration, hireSignal, ratingsSchemaFor, weightedScore } from '@mockloop/rubrics';
import type { ObjectId } from 'mongodb';
import { z } from 'zod';
import type { InviteDoc, PeerScoreDoc, SessionDoc, SignedInUser } from '../db/client.ts';
import { newId, parseObjectId } from '../db/ids.ts';
import type { Repositories } from '../db/repositories.ts';
import { ApiError, notFound, validationError } from '../errors.ts';
import { hashToken } from './auth.ts';
import { assertKnownCriteria } from './criteria.ts';
import type { Emit } from './events.ts';

const DAY_MS = 86_400_000;

function inviteStatus(invite: InviteDoc, now: Date): Invite['status'] {
  if (invite.revokedAt) return 'revoked';
  if (invite.acceptedBy) return 'accepted';
  return invite.expiresAt.getTime() <= now.getTime() ? 'expired' : 'open';
}

export interface ReviewServiceOptions {
  /** Told what each write changed, once it is stored (a revoked invite, a submitted peer score; see events.ts). */
  emit?: Emit;
}

export function createReviewService(repos: Repositories, now: () => Date, options: ReviewServiceOptions = {}) {
  const emit = options.emit ?? (async () => {});
  const { invites, peerScores, users } = repos;
  async function toInvite(doc: InviteDoc): Promise<Invite> {
    const reviewer = doc.acceptedBy ? await users.findById(doc.acceptedBy) : null;
    return {
      id: doc._id.toHexString(),
      sessionId: doc.sessionId.toHexString(),
      createdAt: doc.createdAt.toISOString(),
      expiresAt: doc.expiresAt.toISOString(),
      status: inviteStatus(doc, now()),
      reviewerName: reviewer?.name ?? null,
      reviewerId: doc.acceptedBy?.toHexString() ?? null,
      scoredAt: doc.scoredAt?.toISOString() ?? null
    };
  }

  /** Tells the candidate's open pages that an invite changed (the live room's stream carries it). */
  async function told(doc: InviteDoc): Promise<void> {
    await emit({ type: 'invite-changed', userId: doc.ownerId, sessionId: doc.sessionId, invite: await toInvite(doc) });
  }

  /** A new secret for a link: the token (shown once) and the hash stored in its place. */
  function newToken() {
    // 32 random bytes: 256 bits, well past guessing.
    const token = randomBytes(32).toString('base64url');
    return { token, tokenHash: hashToken(token) };
  }

  function toPeerScore(doc: PeerScoreDoc, session: SessionDoc): PeerScore {
    const complete = ratingsSchemaFor(session.rubric).safeParse(doc.ratings).success;
    return {
      reviewerId: doc.reviewerId.toHexString(),
      reviewerName: doc.reviewerName,
      ratings: doc.ratings,
      notes: doc.notes,
      feedback: doc.feedback,
      hireSignal: doc.hireSignal,
      computedSignal: complete ? hireSignal(session.rubric, doc.ratings) : null,
      score: complete ? weightedScore(session.rubric, doc.ratings) : null,
      submittedAt: doc.submittedAt?.toISOString() ?? null,
      updatedAt: doc.updatedAt.toISOString()
    };
  }

  /** The reviewer's invite to the session (named in their history, read by `_id`) is marked scored, live. */
  async function markScored(reviewer: SignedInUser, session: SessionDoc, at: Date): Promise<void> {
    const listed = await repos.userSessions.find(reviewer._id);
    const inviteId = listed?.given?.[session._id.toHexString()]?.inviteId;
    const doc = inviteId ? await invites.markScored(inviteId, at) : null;
    if (doc) await told(doc);
  }

  return {
    /** True when `user` accepted an invite to this session that is still in force. */
    async isReviewer(user: SignedInUser, sessionId: ObjectId): Promise<boolean> {
      // Read by `_id` twice (the person's list of the sessions they interview names the invite that admitted them,
      // written by `accept` below), never by searching the invites: every stream of an interviewer asks again as it
      // runs, and on the embedded server a search reads every invite of every user (70 ms a call at 100 rooms).
      // The invite's expiry ends the reviewer's access, not only the link's.
      const listed = await repos.userSessions.ensureBuilt(user._id);
      const inviteId = listed.given?.[sessionId.toHexString()]?.inviteId;
      return inviteId ? invites.admitsBy(inviteId, user._id, now()) : false;
    },

    async create(session: SessionDoc, origin: string, expiresInDays = INVITE_TTL_DAYS) {
      const { token, tokenHash } = newToken();
      const createdAt = now();
      const doc: InviteDoc = {
        _id: newId(),
        sessionId: session._id,
        ownerId: session.userId,
        tokenHash,
        createdAt,
        expiresAt: new Date(createdAt.getTime() + expiresInDays * DAY_MS),
        revokedAt: null,
        acceptedBy: null,
        acceptedAt: null
      };
      await invites.insert(doc);
      return { invite: await toInvite(doc), token, url: `${origin}/invite/${token}` };
    },

    async list(session: SessionDoc): Promise<Invite[]> {
      const docs = await invites.listForSession(session._id);
      return Promise.all(docs.map(toInvite));
    },

    async revoke(owner: SignedInUser, inviteId: string): Promise<Invite> {
      const _id = parseObjectId(inviteId);
      const doc = _id ? await invites.revoke(_id, owner._id, now()) : null;
      if (!doc) throw notFound('That invite');
      await emit({ type: 'invite-revoked', invite: doc });
      return toInvite(doc);
    },

    /**
     * Issues an open invite's link again, for the candidate who lost it (only a hash of the token is kept, so the old
     * link cannot be shown): a new token, the old link stops working, and the expiry starts again. An invite someone
     * accepted keeps its reviewer (409 INVITE_ACCEPTED); a revoked one stays revoked; anyone else's answers 404.
     */
    async reissue(owner: SignedInUser, inviteId: string, origin: string, expiresInDays = INVITE_TTL_DAYS) {
      const _id = parseObjectId(inviteId);
      const doc = _id ? await invites.findById(_id) : null;
      if (!doc || !doc.ownerId.equals(owner._id)) throw notFound('That invite');
      if (doc.acceptedBy) {
        throw new ApiError(
          409,
          'INVITE_ACCEPTED',
          'Someone already accepted this invite: its link cannot be issued again.'
        );
      }
      if (doc.revokedAt) throw new ApiError(409, 'CONFLICT', 'This invite was revoked: create a new one instead.');
      const { token, tokenHash } = newToken();
      const at = now();
      const reissued = await invites.reissue(doc._id, tokenHash, new Date(at.getTime() + expiresInDays * DAY_MS));
      if (!reissued) {
        throw new ApiError(409, 'INVITE_ACCEPTED', 'Someone accepted this invite meanwhile: its link was not changed.');
      }
      await told(reissued);
      return { invite: await toInvite(reissued), token, url: `${origin}/invite/${token}` };
    },

    /**
     * Who invited the holder of an open link, and to what: the inviter's name and the mock's kind and title, so the
     * sign-in page can say it. Anyone may ask (the link is the secret); a link that is not open answers as `accept`
     * refuses it, without naming anyone.
     */
    async preview(token: string): Promise<InvitePreview> {
      const invite = await invites.findByTokenHash(hashToken(token));
      if (!invite) throw new ApiError(404, 'INVITE_INVALID', 'This invite link is not valid. Ask for a new one.');
      const status = inviteStatus(invite, now());
      if (status !== 'open') throw new ApiError(410, 'INVITE_INVALID', 'This invite link can no longer be used.');
      const [session, owner] = await Promise.all([
        repos.sessions.findById(invite.sessionId),
        users.findById(invite.ownerId)
      ]);
      if (!session || !owner)
        throw new ApiError(404, 'INVITE_INVALID', 'This invite link is not valid. Ask for a new one.');
      return {
        inviterName: owner.name,
        kind: session.kind,
        title: session.question.title,
        purpose: session.status === 'active' ? 'interview' : 'review'
      };
    },

    /** Admits `user` as the invite's one reviewer; the same user may open the link again. */
    async accept(user: SignedInUser, token: string): Promise<ObjectId> {
      const at = now();
      const invite = await invites.findByTokenHash(hashToken(token));
      const refuse = (message: string) => new ApiError(410, 'INVITE_INVALID', message);
      if (!invite) throw new ApiError(404, 'INVITE_INVALID', 'This invite link is not valid. Ask for a new one.');
      if (invite.revokedAt) throw refuse('This invite was revoked by the candidate.');
      if (invite.ownerId.equals(user._id)) {
        throw new ApiError(409, 'CONFLICT', 'This is your own session: send the link to a peer instead.');
      }
      if (invite.acceptedBy) {
        if (invite.acceptedBy.equals(user._id)) {
          // Listed again (idempotent): an accept cut short before its listing is made good by opening the link.
          await repos.userSessions.addGiven(user._id, invite.sessionId, invite._id);
          return invite.sessionId;
        }
        throw refuse('This invite has already been used by another reviewer.');
      }
      if (invite.expiresAt.getTime() <= at.getTime()) throw refuse('This invite has expired. Ask for a new one.');
      if (!(await invites.accept(invite._id, user._id, at)))
        throw refuse('This invite has already been used by another reviewer.');
      await repos.userSessions.addGiven(user._id, invite.sessionId, invite._id);
      await told({ ...invite, acceptedBy: user._id, acceptedAt: at });
      return invite.sessionId;
    },

    async savePeerScore(reviewer: SignedInUser, session: SessionDoc, body: PeerScoreBody): Promise<PeerScore> {
      // A loop's round is scored in its loop, blind until every round is in (services/loops): never here.
      if (session.loop) {
        throw new ApiError(409, 'CONFLICT', 'This session is a round of an interview loop: write its feedback there.');
      }
      assertKnownCriteria(session.rubric, { ratings: body.ratings, notes: body.notes });
      if (body.submit) {
        if (session.status !== 'submitted') {
          throw new ApiError(
            409,
            'CONFLICT',
            'The candidate is still working: submit your score once the session ends.'
          );
        }
        const complete = z.object({ ratings: ratingsSchemaFor(session.rubric) }).safeParse({ ratings: body.ratings });
        if (!complete.success) throw validationError(complete.error, 'score');
        if (!body.hireSignal) {
          throw new ApiError(400, 'VALIDATION_FAILED', 'Choose a hire signal before submitting.', {
            hireSignal: 'Required to submit'
          });
        }
      }
      const at = now();
      const existing = await peerScores.find(session._id, reviewer._id);
      if (existing?.submittedAt) throw new ApiError(409, 'CONFLICT', 'You already submitted this review.');
      const fields = {
        reviewerName: reviewer.name,
        ratings: body.ratings,
        notes: Object.fromEntries(Object.entries(body.notes).filter(([, note]) => note)),
        feedback: body.feedback,
        hireSignal: body.hireSignal,
        submittedAt: body.submit ? at : null,
        updatedAt: at
      };
      if (!(await peerScores.saveDraft(session._id, reviewer._id, fields))) {
        // Submitted in another tab between our read and this write.
        throw new ApiError(409, 'CONFLICT', 'You already submitted this review.');
      }
      const saved = await peerScores.find(session._id, reviewer._id);
      if (saved?.submittedAt) {
        await emit({ type: 'peer-scored', userId: session.userId, sessionId: session._id, peerScoreId: saved._id });
        await markScored(reviewer, session, saved.submittedAt);
      }
      return toPeerScore(saved!, session);
    },

    async scores(user: SignedInUser, session: SessionDoc): Promise<ScoresResponse> {
      const isOwner = session.userId.equals(user._id);
      const docs = isOwner
        ? await peerScores.submittedFor(session._id)
        : await peerScores.byReviewer(session._id, user._id);
      const peers = docs.map((doc) => toPeerScore(doc, session));
      const self = isOwner && session.selfScore ? session.selfScore : null;
      return {
        role: isOwner ? 'owner' : 'reviewer',
        self: self
          ? {
              ratings: self.ratings,
              score: self.score,
              hireSignal: self.hireSignal,
              peerPrediction: self.peerPrediction?.hireSignal ?? null
            }
          : null,
        peers,
        calibration: self
          ? peers.map((peer) => ({ reviewerName: peer.reviewerName, ...calibration(self.ratings, peer.ratings) }))
          : []
      };
    }
  };
}

export type ReviewService = ReturnType<typeof createReviewService>;
