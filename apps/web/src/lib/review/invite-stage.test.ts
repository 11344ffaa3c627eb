import type { Invite, RoomMember } from '@mockloop/contracts';
import { describe, expect, it } from 'vitest';
import { inviteStage, withInvite, type InviteStage } from './invite-stage.ts';

const invite = (over: Partial<Invite> = {}): Invite => ({
  id: 'i1',
  sessionId: 's1',
  createdAt: '2026-12-07T10:00:00.000Z',
  expiresAt: '2026-12-14T10:00:00.000Z',
  status: 'open',
  reviewerName: null,
  reviewerId: null,
  scoredAt: null,
  ...over
});
const accepted = invite({ status: 'accepted', reviewerName: 'Bea', reviewerId: 'u2' });
const member = (userId: string, role: RoomMember['role']): RoomMember => ({ userId, name: userId, role });

describe('inviteStage', () => {
  it.each<[string, Invite, RoomMember[], InviteStage]>([
    ['nobody accepted yet', invite(), [], 'open'],
    ['accepted, not in the room', accepted, [member('u1', 'candidate')], 'accepted'],
    ['accepted and in the room', accepted, [member('u2', 'interviewer')], 'joined'],
    ['another interviewer in the room', accepted, [member('u3', 'interviewer')], 'accepted'],
    ['scored, whoever is in the room', { ...accepted, scoredAt: '2026-12-07T11:00:00.000Z' }, [], 'scored'],
    ['revoked', invite({ status: 'revoked' }), [], 'revoked'],
    ['expired', invite({ status: 'expired' }), [], 'expired']
  ])('%s', (_, inv, members, stage) => {
    expect(inviteStage(inv, members)).toBe(stage);
  });
});

describe('withInvite', () => {
  it('replaces an invite in place, and puts a new one first', () => {
    const other = invite({ id: 'i0' });
    expect(withInvite([invite(), other], accepted).map((i) => [i.id, i.status])).toEqual([
      ['i1', 'accepted'],
      ['i0', 'open']
    ]);
    expect(withInvite([other], accepted).map((i) => i.id)).toEqual(['i1', 'i0']);
  });
});
