/**
 * What a person may do with a session right now: the one rule every use case asks (open or locked, who is
 * asking, the one grace window, the one SESSION_LOCKED error). Pure: the caller brings the session's clock, the
 * person's access (found by the loaders in `context.ts`) and the server's time; nothing here reads the database.
 */
import { ApiError, notFound } from '../../errors.ts';

/**
 * The one grace window after a session ends, in which writes that were already on their way still count.
 * 10 s, not the 5 s saves had alone: the slowest write in flight at the end is the last audio chunk (recorded up to
 * the very end, then uploaded behind the chunks queued before it on a slow link), while a save left the browser
 * at most one debounce before the deadline. One window long enough for both lets nothing typed after the clock
 * ran out matter (the page submits when its countdown ends), and is far shorter than any mock's minute.
 */
export const GRACE_MS = 10_000;

/**
 * Who is asking. The candidate owns the session; an invite admits one person, its interviewer while the session
 * runs and its reviewer once it has ended (the same person, the same rights, minus what needs an open session);
 * anyone else is a stranger, told the session does not exist.
 */
export type Role = 'candidate' | 'interviewer' | 'reviewer' | 'stranger';

/** What the loaders found: the session's owner, a person an invite admits, or neither. */
export type Access = 'owner' | 'invited' | 'none';

/** What the policy needs of a session: its state and its clock. */
export interface SessionClock {
  status: 'active' | 'submitted';
  startedAt: Date;
  deadline: Date;
  submittedAt?: Date | null;
}

/** What deciding open or locked needs. */
export type OpenState = Pick<SessionClock, 'status' | 'deadline'>;

export type Action =
  /** Read the session, its room, its replay, its submissions and its recording. */
  | 'read'
  /** Change the work: autosave, phases, coding submissions and their results, drafts and runs for the room. */
  | 'write-work'
  /** The candidate's own business at any time: finish it, invite reviewers, manage its recording. */
  | 'own'
  /** Score one's own finished session. */
  | 'self-score'
  /** Speak in the room's chat. */
  | 'chat'
  /** Signal the voice call or agree to its recording. */
  | 'call'
  /** Reveal a follow-up or a hint to the candidate. */
  | 'reveal'
  /** The interviewer's private notes. */
  | 'note'
  /** Give a peer score. */
  | 'peer-score'
  /** Confirm a coding submission on the held-back tests. */
  | 'confirm'
  /** Read the reference (a coding problem's editorial and solution, a design prompt's model answer outline). */
  | 'read-reference';

/** Who may act: the candidate, the person an invite admits (interviewer or reviewer), or both. */
type Who = 'candidate' | 'invited' | 'both';
/** When: only while open, only once ended, or at any time. */
type When = 'open' | 'ended' | 'any';

interface Rule {
  who: Who;
  when: When;
  /** What someone with access but the wrong side of the session is told (a stranger always gets 404). */
  otherSide: 'not-found' | 'forbidden';
  forbidden?: () => ApiError;
  locked?: string;
  /** What an action that waits for the end says before it (409 CONFLICT). */
  notEnded?: string;
}

const rules: Record<Action, Rule> = {
  read: { who: 'both', when: 'any', otherSide: 'not-found' },
  // Like every write to the work: to anyone but its candidate, the session is not there to write.
  'write-work': { who: 'candidate', when: 'open', otherSide: 'not-found' },
  own: { who: 'candidate', when: 'any', otherSide: 'not-found' },
  'self-score': { who: 'candidate', when: 'ended', otherSide: 'not-found' },
  chat: { who: 'both', when: 'open', otherSide: 'not-found', locked: 'This session has ended: its chat is closed.' },
  call: { who: 'both', when: 'open', otherSide: 'not-found', locked: 'This session has ended: the call is over.' },
  reveal: {
    who: 'invited',
    when: 'open',
    otherSide: 'forbidden',
    forbidden: () => new ApiError(403, 'FORBIDDEN', 'Only an interviewer invited to this session can do that.'),
    locked: 'This session has ended: the room is read-only now.'
  },
  note: {
    who: 'invited',
    when: 'any',
    otherSide: 'forbidden',
    forbidden: () => new ApiError(403, 'FORBIDDEN', 'Only an interviewer invited to this session can do that.')
  },
  'peer-score': {
    who: 'invited',
    when: 'any',
    otherSide: 'forbidden',
    forbidden: () => new ApiError(403, 'FORBIDDEN', 'Only an invited reviewer can give a peer score.')
  },
  // Never while the mock runs: the candidate would read the answer instead of giving one.
  'read-reference': {
    who: 'both',
    when: 'ended',
    otherSide: 'not-found',
    notEnded: 'The reference is shown once the session is finished.'
  },
  confirm: {
    who: 'invited',
    when: 'any',
    otherSide: 'forbidden',
    forbidden: () => new ApiError(403, 'REVIEWERS_ONLY', 'Only a reviewer of this session can confirm its submissions.')
  }
};

/** The one error for a write to a session that has ended. */
export const sessionLocked = (message = 'This session has ended and can no longer be changed.') =>
  new ApiError(409, 'SESSION_LOCKED', message);

export const sessionNotFound = () => notFound('That session');

/** Whether the session still takes writes: active, and its deadline (plus the grace) not yet past. */
export function isOpen(session: OpenState, now: Date): boolean {
  return session.status === 'active' && now.getTime() < session.deadline.getTime() + GRACE_MS;
}

/** The earliest deadline a session may have and still take writes: the database's form of `isOpen`. */
export function openAfter(now: Date): Date {
  return new Date(now.getTime() - GRACE_MS);
}

/** Whether an active session's deadline (plus the grace) has passed, so it is to be submitted at its deadline. */
export function deadlinePassed(session: OpenState, now: Date): boolean {
  return session.status === 'active' && !isOpen(session, now);
}

/** When the session ended (or will end): its submit time, else its deadline. */
export function endedAt(session: Pick<SessionClock, 'deadline' | 'submittedAt'>): Date {
  return session.submittedAt ?? session.deadline;
}

export function roleOf(access: Access, session: OpenState, now: Date): Role {
  if (access === 'owner') return 'candidate';
  if (access === 'invited') return isOpen(session, now) ? 'interviewer' : 'reviewer';
  return 'stranger';
}

/** Why an action is refused, or null when it is allowed. */
export type Refusal = 'not-found' | 'forbidden' | 'locked' | 'not-ended';

/** The decision itself, as a value (the table tests read it): null allows. */
export function refusal(action: Action, access: Access, session: OpenState, now: Date): Refusal | null {
  const rule = rules[action];
  if (access === 'none') return 'not-found';
  const side = access === 'owner' ? 'candidate' : 'invited';
  if (rule.who !== 'both' && rule.who !== side) return rule.otherSide;
  if (rule.when === 'open' && !isOpen(session, now)) return 'locked';
  if (rule.when === 'ended' && session.status !== 'submitted') return 'not-ended';
  return null;
}

/** Throws the error that explains a refusal (404, 403, 409 SESSION_LOCKED or 409 CONFLICT); returns the role. */
export function permit(action: Action, access: Access, session: OpenState, now: Date): Role {
  const why = refusal(action, access, session, now);
  const rule = rules[action];
  if (why === 'not-found') throw sessionNotFound();
  if (why === 'forbidden') throw rule.forbidden?.() ?? sessionNotFound();
  if (why === 'locked') throw sessionLocked(rule.locked);
  if (why === 'not-ended')
    throw new ApiError(409, 'CONFLICT', rule.notEnded ?? 'Finish the session before scoring it.');
  return roleOf(access, session, now);
}

/**
 * Whether an audio chunk may join the session's recording now. The server's clock decides: chunks arriving up to
 * the grace after the session ended are its last ones in flight; later ones are refused whatever the client says
 * of when they were recorded (a claimed `startMs: 0` once did reopen an ended session). A claim past the end is
 * refused too.
 */
export function mayRecord(session: SessionClock, now: Date, startMs: number): boolean {
  const end = endedAt(session).getTime();
  if (now.getTime() >= end + GRACE_MS) return false;
  return startMs <= end - session.startedAt.getTime() + GRACE_MS;
}

/** Access as the loaders know it today (`owner` / `reviewer`), in the policy's terms. */
export const accessOf = (role: 'owner' | 'reviewer'): Access => (role === 'owner' ? 'owner' : 'invited');

/**
 * Who a person is to a loop (services/loops): its candidate; the interviewer of one of its rounds (admitted by that
 * round's invite), on its committee or not; or a stranger, told the loop does not exist.
 */
export type LoopAccess = 'candidate' | 'interviewer' | 'committee' | 'stranger';

export type LoopAction =
  /** Read the loop: its rounds, their status and invites, the viewer's own feedback. */
  | 'read-loop'
  /** Plan the loop: edit and start rounds, invite their interviewers. */
  | 'plan-loop'
  /** Name the rounds whose interviewers sit on the committee (before or after the packet opens). */
  | 'name-committee'
  /** Write one's own round's feedback and signal. */
  | 'write-feedback'
  /** Predict each round's signal and the decision. */
  | 'predict'
  /** Read the committee's packet. */
  | 'read-packet'
  /** Vote and write a final note. */
  | 'vote';

/** Why a loop action is refused; null allows. `packet-open` and `packet-closed` are the blind rule's two sides. */
export type LoopRefusal = 'not-found' | 'forbidden' | 'packet-open' | 'packet-closed';

const loopRules: Record<LoopAction, { who: readonly LoopAccess[]; packet: 'closed' | 'open' | 'any' }> = {
  'read-loop': { who: ['candidate', 'interviewer', 'committee'], packet: 'any' },
  'plan-loop': { who: ['candidate'], packet: 'closed' },
  'name-committee': { who: ['candidate'], packet: 'any' },
  // A round's feedback is final once submitted (services/loops/feedback.ts); its draft is its author's alone.
  'write-feedback': { who: ['interviewer', 'committee'], packet: 'closed' },
  // A prediction made once the outcome is known measures nothing.
  predict: { who: ['candidate'], packet: 'closed' },
  'read-packet': { who: ['candidate', 'interviewer', 'committee'], packet: 'open' },
  vote: { who: ['committee'], packet: 'open' }
};

/** The loop's rule as a value (the table tests read it): a stranger never learns the loop exists. */
export function loopRefusal(action: LoopAction, access: LoopAccess, packetOpen: boolean): LoopRefusal | null {
  if (access === 'stranger') return 'not-found';
  const rule = loopRules[action];
  if (!rule.who.includes(access)) return 'forbidden';
  if (rule.packet === 'closed' && packetOpen) return 'packet-open';
  if (rule.packet === 'open' && !packetOpen) return 'packet-closed';
  return null;
}

const loopErrors: Record<LoopAction, Record<Exclude<LoopRefusal, 'not-found'>, () => ApiError>> = {
  'read-loop': {
    forbidden: () => notFound('That loop'),
    'packet-open': () => notFound('That loop'),
    'packet-closed': () => notFound('That loop')
  },
  'plan-loop': {
    forbidden: () => new ApiError(403, 'FORBIDDEN', 'Only the candidate plans the loop.'),
    'packet-open': () => new ApiError(409, 'CONFLICT', 'Every round is in: the loop is decided.'),
    'packet-closed': () => new ApiError(409, 'CONFLICT', 'Every round is in: the loop is decided.')
  },
  'name-committee': {
    forbidden: () => new ApiError(403, 'FORBIDDEN', 'Only the candidate invites the committee.'),
    'packet-open': () => notFound('That loop'),
    'packet-closed': () => notFound('That loop')
  },
  'write-feedback': {
    forbidden: () => new ApiError(403, 'FORBIDDEN', 'Only the interviewer of this round writes its feedback.'),
    'packet-open': () => new ApiError(409, 'CONFLICT', 'Every round is in: the feedback is final.'),
    'packet-closed': () => new ApiError(409, 'CONFLICT', 'Every round is in: the feedback is final.')
  },
  predict: {
    forbidden: () => new ApiError(403, 'FORBIDDEN', 'Only the candidate predicts the outcome.'),
    'packet-open': () =>
      new ApiError(409, 'PREDICTION_CLOSED', 'Every round is in: the packet is open, so a prediction is too late.'),
    'packet-closed': () => new ApiError(409, 'PREDICTION_CLOSED', 'The packet is open: a prediction is too late.')
  },
  'read-packet': {
    forbidden: () => notFound('That loop'),
    'packet-open': () => notFound('That loop'),
    'packet-closed': () =>
      new ApiError(409, 'PACKET_NOT_READY', 'The packet opens once every round is in (the blind rule).')
  },
  vote: {
    forbidden: () => new ApiError(403, 'FORBIDDEN', 'Only an interviewer invited to the committee votes.'),
    'packet-open': () => new ApiError(409, 'CONFLICT', 'Voting is closed.'),
    'packet-closed': () =>
      new ApiError(409, 'PACKET_NOT_READY', 'The committee votes once every round is in (the blind rule).')
  }
};

/** Throws the error that explains a refused loop action (404, 403, 409 PREDICTION_CLOSED / PACKET_NOT_READY). */
export function permitLoop(action: LoopAction, access: LoopAccess, packetOpen: boolean): void {
  const why = loopRefusal(action, access, packetOpen);
  if (why === 'not-found') throw notFound('That loop');
  if (why) throw loopErrors[action][why]();
}

/**
 * The blind rule: a round's written feedback and signal are seen by the interviewer who wrote them, and by no one
 * else (no other interviewer, not the candidate) until every round is in and the packet opens.
 */
export function maySeeFeedback(viewer: 'author' | 'candidate' | 'other-interviewer', packetOpen: boolean): boolean {
  return viewer === 'author' || packetOpen;
}
