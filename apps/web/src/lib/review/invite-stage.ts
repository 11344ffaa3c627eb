/** Where an invite stands as its candidate sees it: waiting, accepted, in the room now, scored, or over. */
import type { Invite, RoomMember } from '@mockloop/contracts';

export type InviteStage = 'open' | 'accepted' | 'joined' | 'scored' | 'expired' | 'revoked';

export const INVITE_STAGE_LABELS: Record<InviteStage, string> = {
  open: 'waiting',
  accepted: 'accepted',
  joined: 'in the room',
  scored: 'scored',
  expired: 'expired',
  revoked: 'revoked'
};

/** The stage of an invite, given who is in the live room now (none off the running mock's page). */
export function inviteStage(invite: Invite, members: RoomMember[] = []): InviteStage {
  if (invite.status !== 'accepted') return invite.status;
  if (invite.scoredAt) return 'scored';
  const inRoom = members.some((m) => m.role === 'interviewer' && m.userId === invite.reviewerId);
  return inRoom ? 'joined' : 'accepted';
}

/** The list with `changed` put in its place (newest first when it is new). */
export function withInvite(invites: Invite[], changed: Invite): Invite[] {
  return invites.some((i) => i.id === changed.id)
    ? invites.map((i) => (i.id === changed.id ? changed : i))
    : [changed, ...invites];
}
