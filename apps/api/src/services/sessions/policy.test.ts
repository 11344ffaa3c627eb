import { describe, expect, it } from 'vitest';
import { ApiError } from '../../errors.ts';
import {
  GRACE_MS,
  isOpen,
  loopRefusal,
  maySeeFeedback,
  mayRecord,
  openAfter,
  permit,
  permitLoop,
  refusal,
  roleOf,
  type Access,
  type Action,
  type Refusal,
  type SessionClock
} from './policy.ts';

const T0 = Date.parse('2026-12-01T10:00:00Z');
const at = (ms: number) => new Date(T0 + ms);
const MIN = 60_000;

/** A 45-minute session started at T0: running, or submitted at `submittedAtMs`. */
function session(submittedAtMs?: number): SessionClock {
  return {
    status: submittedAtMs === undefined ? 'active' : 'submitted',
    startedAt: at(0),
    deadline: at(45 * MIN),
    submittedAt: submittedAtMs === undefined ? null : at(submittedAtMs)
  };
}

const running = session();
const finished = session(30 * MIN);
const during = at(10 * MIN);
const inGrace = at(45 * MIN + GRACE_MS - 1);
const pastGrace = at(45 * MIN + GRACE_MS);

describe('open or locked', () => {
  it.each([
    ['before the deadline', running, during, true],
    ['within the grace after the deadline', running, inGrace, true],
    ['at the end of the grace', running, pastGrace, false],
    ['submitted, even before its deadline', finished, at(31 * MIN), false]
  ])('%s', (_, s, now, open) => {
    expect(isOpen(s, now)).toBe(open);
    // The database's filter says the same: a deadline after openAfter(now) is open.
    expect(s.status === 'active' && s.deadline > openAfter(now)).toBe(open);
  });
});

describe('roles', () => {
  it.each([
    ['owner', running, during, 'candidate'],
    ['owner', finished, during, 'candidate'],
    ['invited', running, during, 'interviewer'],
    ['invited', running, pastGrace, 'reviewer'],
    ['invited', finished, during, 'reviewer'],
    ['none', running, during, 'stranger']
  ] as const)('%s of a session (%#) is its %s', (access, s, now, role) => {
    expect(roleOf(access, s, now)).toBe(role as string);
  });
});

describe('who may do what, when', () => {
  type Case = [Action, Access, SessionClock, Date, Refusal | null];
  const cases: Case[] = [
    // Reading: the candidate and whoever an invite admits, at any time; a stranger is told nothing exists.
    ['read', 'owner', running, during, null],
    ['read', 'invited', finished, during, null],
    ['read', 'none', running, during, 'not-found'],
    // The work: the candidate's, while open (the grace lets late saves in).
    ['write-work', 'owner', running, during, null],
    ['write-work', 'owner', running, inGrace, null],
    ['write-work', 'owner', running, pastGrace, 'locked'],
    ['write-work', 'owner', finished, at(31 * MIN), 'locked'],
    ['write-work', 'invited', running, during, 'not-found'],
    ['write-work', 'none', running, during, 'not-found'],
    // Finishing is idempotent; self-scoring waits for the end.
    ['own', 'owner', finished, during, null],
    ['own', 'invited', running, during, 'not-found'],
    ['self-score', 'owner', running, during, 'not-ended'],
    ['self-score', 'owner', finished, during, null],
    ['self-score', 'invited', finished, during, 'not-found'],
    // The room.
    ['chat', 'owner', running, during, null],
    ['chat', 'invited', running, during, null],
    ['chat', 'none', running, during, 'not-found'],
    ['chat', 'invited', running, inGrace, null],
    ['chat', 'owner', finished, at(31 * MIN), 'locked'],
    ['chat', 'invited', running, pastGrace, 'locked'],
    ['call', 'invited', running, during, null],
    ['call', 'owner', finished, at(31 * MIN), 'locked'],
    ['reveal', 'invited', running, during, null],
    ['reveal', 'invited', finished, at(31 * MIN), 'locked'],
    ['reveal', 'owner', running, during, 'forbidden'],
    ['reveal', 'none', running, during, 'not-found'],
    ['note', 'invited', finished, during, null],
    ['note', 'owner', running, during, 'forbidden'],
    // Reviewing.
    ['peer-score', 'invited', finished, during, null],
    ['peer-score', 'owner', finished, during, 'forbidden'],
    ['confirm', 'invited', running, during, null],
    ['confirm', 'owner', running, during, 'forbidden'],
    ['confirm', 'none', running, during, 'not-found'],
    // The reference answer: to both sides, once the session is over; never while it runs.
    ['read-reference', 'owner', running, during, 'not-ended'],
    ['read-reference', 'owner', running, pastGrace, 'not-ended'],
    ['read-reference', 'owner', finished, during, null],
    ['read-reference', 'invited', running, during, 'not-ended'],
    ['read-reference', 'invited', finished, during, null],
    ['read-reference', 'none', finished, during, 'not-found']
  ];
  it.each(cases)('%s by %s (%#)', (action, access, s, now, expected) => {
    expect(refusal(action, access, s, now)).toBe(expected);
  });
});

describe('the errors a refusal is explained by', () => {
  const error = (fn: () => unknown) => {
    try {
      fn();
    } catch (e) {
      return e instanceof ApiError ? { status: e.status, code: e.code } : e;
    }
    return null;
  };
  it.each([
    ['write-work', 'owner', running, pastGrace, { status: 409, code: 'SESSION_LOCKED' }],
    ['reveal', 'invited', finished, during, { status: 409, code: 'SESSION_LOCKED' }],
    ['reveal', 'owner', running, during, { status: 403, code: 'FORBIDDEN' }],
    ['confirm', 'owner', running, during, { status: 403, code: 'REVIEWERS_ONLY' }],
    ['write-work', 'invited', running, during, { status: 404, code: 'NOT_FOUND' }],
    ['self-score', 'owner', running, during, { status: 409, code: 'CONFLICT' }]
  ] as const)('%s by %s (%#)', (action, access, s, now, expected) => {
    expect(error(() => permit(action, access, s, now))).toEqual(expected);
  });
  it('answers the role when allowed', () => {
    expect(permit('read', 'invited', running, during)).toBe('interviewer');
  });
});

describe('audio: the server’s clock decides', () => {
  it.each([
    ['a chunk while the session runs', running, during, 9 * MIN, true],
    ['the last chunk, arriving within the grace after an early finish', finished, at(30 * MIN + 3_000), 29 * MIN, true],
    ['a chunk arriving after the grace, whatever it claims (startMs 0)', finished, at(30 * MIN + GRACE_MS), 0, false],
    ['a chunk days later claiming startMs 0', finished, at(3 * 24 * 60 * MIN), 0, false],
    ['a chunk claiming to start an hour after the end', finished, at(30 * MIN + 1_000), 90 * MIN, false],
    ['after the deadline’s grace on a session never submitted', running, pastGrace, 0, false]
  ])('%s', (_, s, now, startMs, allowed) => {
    expect(mayRecord(s, now, startMs)).toBe(allowed);
  });
});

describe('a loop: who may do what, and the blind rule', () => {
  const everyone = ['candidate', 'interviewer', 'committee', 'stranger'] as const;
  // [action, packet open?, the refusal for candidate, interviewer, committee member, stranger]
  it.each([
    ['read-loop', false, [null, null, null, 'not-found']],
    ['read-loop', true, [null, null, null, 'not-found']],
    ['plan-loop', false, [null, 'forbidden', 'forbidden', 'not-found']],
    ['plan-loop', true, ['packet-open', 'forbidden', 'forbidden', 'not-found']],
    ['name-committee', false, [null, 'forbidden', 'forbidden', 'not-found']],
    ['name-committee', true, [null, 'forbidden', 'forbidden', 'not-found']],
    ['write-feedback', false, ['forbidden', null, null, 'not-found']],
    ['write-feedback', true, ['forbidden', 'packet-open', 'packet-open', 'not-found']],
    ['predict', false, [null, 'forbidden', 'forbidden', 'not-found']],
    ['predict', true, ['packet-open', 'forbidden', 'forbidden', 'not-found']],
    ['read-packet', false, ['packet-closed', 'packet-closed', 'packet-closed', 'not-found']],
    ['read-packet', true, [null, null, null, 'not-found']],
    ['vote', false, ['forbidden', 'forbidden', 'packet-closed', 'not-found']],
    ['vote', true, ['forbidden', 'forbidden', null, 'not-found']]
  ] as const)('%s with the packet open: %s', (action, open, expected) => {
    expect(everyone.map((who) => loopRefusal(action, who, open))).toEqual(expected);
  });

  it('explains each refusal with its stable code', () => {
    const codeOf = (fn: () => void) => {
      try {
        fn();
        return null;
      } catch (error) {
        return (error as ApiError).code;
      }
    };
    expect(codeOf(() => permitLoop('predict', 'candidate', true))).toBe('PREDICTION_CLOSED');
    expect(codeOf(() => permitLoop('read-packet', 'interviewer', false))).toBe('PACKET_NOT_READY');
    expect(codeOf(() => permitLoop('vote', 'interviewer', true))).toBe('FORBIDDEN');
    expect(codeOf(() => permitLoop('read-loop', 'stranger', true))).toBe('NOT_FOUND');
    expect(codeOf(() => permitLoop('read-packet', 'committee', true))).toBeNull();
  });

  it.each([
    ['author', false, true],
    ['author', true, true],
    ['candidate', false, false],
    ['candidate', true, true],
    ['other-interviewer', false, false],
    ['other-interviewer', true, true]
  ] as const)('feedback seen by %s with the packet open %s: %s', (viewer, open, seen) => {
    expect(maySeeFeedback(viewer, open)).toBe(seen);
  });
});
