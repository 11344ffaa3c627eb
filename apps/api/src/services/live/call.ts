/**
 * The room's voice call: WebRTC signalling relayed between two members over the room's events (so it works
 * whichever instance each is connected to), the STUN/TURN servers to use, and the consent to record the call,
 * kept server-side: the call is recorded into the session only once the candidate and an interviewer agreed.
 */
import type { CallConsent, CallState, IceServer, SignalBody } from '@mockloop/contracts';
import type { ObjectId } from 'mongodb';
import type { SignedInUser } from '../../db/client.ts';
import type { RoomRepository } from '../../db/room.ts';
import { accessOf, permit } from '../sessions/policy.ts';
import type { Emit } from '../events.ts';
import { roomRole, type SessionAccess } from './room.ts';

export interface CallServiceOptions {
  sessions: SessionAccess;
  room: RoomRepository;
  /** Signals and consent changes are room messages: the room's members hear them (see events.ts). */
  emit: Emit;
  iceServers: IceServer[];
  now: () => Date;
}

export function createCallService({ sessions, room, emit, iceServers, now }: CallServiceOptions) {
  async function consentOf(sessionId: ObjectId): Promise<CallConsent> {
    const docs = await room.callConsents(sessionId);
    const agreed = docs.map((d) => ({
      userId: d.userId.toHexString(),
      name: d.name,
      role: d.role,
      at: d.at.toISOString()
    }));
    const recordingAllowed = agreed.some((a) => a.role === 'candidate') && agreed.some((a) => a.role === 'interviewer');
    return { agreed, recordingAllowed };
  }

  return {
    async state(user: SignedInUser, id: string): Promise<CallState> {
      const { doc } = await sessions.getReadable(user, id);
      const pair = doc.pair ? { bookingId: doc.pair.bookingId.toHexString(), half: doc.pair.half } : null;
      return { ...(await consentOf(doc._id)), iceServers, pair };
    },

    /** Passes a signal to one member of the room; it reaches only their streams. */
    async signal(user: SignedInUser, id: string, body: SignalBody): Promise<void> {
      const { doc, role: access } = await sessions.getReadable(user, id);
      permit('call', accessOf(access), doc, now());
      const event = { type: 'signal' as const, from: user._id.toHexString(), fromName: user.name, signal: body.signal };
      await emit({ type: 'room-message', sessionId: doc._id, audience: { userId: body.to }, event });
    },

    /** Agrees (or no longer agrees) to the call being recorded; everyone in the room is told. */
    async consent(user: SignedInUser, id: string, record: boolean): Promise<CallConsent> {
      const { doc, role } = await sessions.getReadable(user, id);
      permit('call', accessOf(role), doc, now());
      const _id = `${doc._id.toHexString()}:${user._id.toHexString()}`;
      const entry = { _id, sessionId: doc._id, userId: user._id, name: user.name, role: roomRole(role), at: now() };
      await room.setCallConsent(entry, record);
      const consent = await consentOf(doc._id);
      await emit({
        type: 'room-message',
        sessionId: doc._id,
        audience: 'all',
        event: { type: 'call-consent', consent }
      });
      return consent;
    },

    /** Whether the call may be recorded into this session now. */
    async recordingAllowed(sessionId: ObjectId): Promise<boolean> {
      return (await consentOf(sessionId)).recordingAllowed;
    }
  };
}

export type CallService = ReturnType<typeof createCallService>;
