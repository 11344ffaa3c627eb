import { ObjectId } from 'mongodb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { InviteDoc, SessionDoc } from '../../db/client.ts';
import type { EventRepository } from '../../db/events.ts';
import type { RoomRepository } from '../../db/room.ts';
import type { DomainEvent } from '../events.ts';
import type { EventHub } from './event-hub.ts';
import { createRoomService } from './room.ts';

const sessionId = new ObjectId();
const userId = new ObjectId();

/** The room over an in-memory event log; `watched` is whom the watch list finds in the room. */
function room({ watched = [] as ObjectId[], failAppend = false } = {}) {
  const appended: { sessionId: string; audience: unknown; event: { type: string } & Record<string, unknown> }[] = [];
  const events = {
    append: async (id: ObjectId, audience: unknown, event: { type: string }) => {
      if (failAppend) throw new Error('database down');
      appended.push({ sessionId: id.toHexString(), audience, event });
      return appended.length;
    }
  } as unknown as EventRepository;
  const repo = {
    openStreams: async () =>
      watched.map((id) => ({ sessionId: id.toHexString(), role: 'interviewer', instance: null })),
    open: async () => {}
  } as unknown as RoomRepository;
  // Closed: the relay's reader of other instances stays still.
  const hub = { nudge: vi.fn(), published: vi.fn(), pass: vi.fn(), closed: true } as unknown as EventHub;
  const service = createRoomService({
    sessions: { getReadable: () => Promise.reject(new Error('not used')) },
    events,
    room: repo,
    hub,
    now: () => new Date('2026-12-06T12:00:00Z')
  });
  return { service, appended, hub };
}

const phaseLog = [{ phaseId: 'requirements', startedAt: new Date('2026-12-06T11:00:00Z') }];

/** Every kind of event, and what the room's members are told of it (audience and event), if anything. */
const cases: { event: DomainEvent; told: { audience: unknown; event: Record<string, unknown> } | null }[] = [
  { event: { type: 'session-started', userId, sessionId }, told: null },
  {
    event: {
      type: 'phase-moved',
      userId,
      sessionId,
      session: { _id: sessionId, phaseLog, revision: 4 } as unknown as SessionDoc
    },
    told: {
      audience: 'all',
      event: {
        type: 'phase',
        revision: 4,
        phaseLog: [{ phaseId: 'requirements', startedAt: '2026-12-06T11:00:00.000Z' }]
      }
    }
  },
  {
    event: {
      type: 'session-ended',
      userId,
      sessionId,
      submittedAt: new Date('2026-12-06T11:45:00Z'),
      reason: 'deadline'
    },
    told: { audience: 'all', event: { type: 'status', status: 'submitted', submittedAt: '2026-12-06T11:45:00.000Z' } }
  },
  { event: { type: 'self-scored', userId, sessionId }, told: null },
  {
    event: { type: 'submission-made', userId, sessionId, n: 2, total: 7 },
    told: { audience: 'all', event: { type: 'submission', n: 2, passed: null, total: 7 } }
  },
  {
    event: { type: 'submission-judged', userId, sessionId, submissionId: new ObjectId(), n: 2, passed: 5, total: 7 },
    told: { audience: 'all', event: { type: 'submission', n: 2, passed: 5, total: 7 } }
  },
  {
    event: {
      type: 'submission-confirmed',
      userId,
      sessionId,
      submissionId: new ObjectId(),
      reviewerId: new ObjectId(),
      n: 2,
      passed: 3,
      total: 3
    },
    told: null
  },
  { event: { type: 'peer-scored', userId, sessionId, peerScoreId: new ObjectId() }, told: null },
  {
    event: { type: 'invite-revoked', invite: { sessionId, acceptedBy: userId } as InviteDoc },
    told: { audience: { userId: userId.toHexString() }, event: { type: 'access-ended', userId: userId.toHexString() } }
  },
  { event: { type: 'invite-revoked', invite: { sessionId, acceptedBy: null } as InviteDoc }, told: null },
  {
    event: {
      type: 'room-message',
      sessionId,
      audience: { userId: 'u1' },
      event: { type: 'signal', from: 'u2', fromName: 'Ivan', signal: { kind: 'ready' } }
    },
    told: {
      audience: { userId: 'u1' },
      event: { type: 'signal', from: 'u2', fromName: 'Ivan', signal: { kind: 'ready' } }
    }
  }
];

afterEach(() => vi.restoreAllMocks());

describe("the room's follower of domain events", () => {
  it.each(cases.map((c) => [c.event.type, c] as const))('%s', async (_type, { event, told }) => {
    const { service, appended, hub } = room();
    await service.hear(event);
    expect(appended).toEqual(told ? [{ sessionId: sessionId.toHexString(), ...told }] : []);
    expect(hub.published).toHaveBeenCalledTimes(told ? 1 : 0);
  });

  it("passes a save's notice to the interviewers' streams here, storing no event", async () => {
    const saved: DomainEvent = { type: 'work-saved', userId, sessionId, revision: 3, notes: { design: 'cache' } };
    const { service, appended, hub } = room({ watched: [sessionId] });
    await service.hear(saved);
    expect(appended).toEqual([]);
    expect(hub.pass).toHaveBeenCalledWith(sessionId, {
      audience: 'interviewers',
      event: { type: 'saved', revision: 3, notes: { design: 'cache' } }
    });
  });

  it("logs its own failure to tell of a write, which stays the writer's success", async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { service } = room({ failAppend: true });
    await expect(service.hear(cases[2]!.event)).resolves.toBeUndefined();
    expect(logged).toHaveBeenCalledWith('room not told of session-ended', expect.any(Error));
  });

  it('fails with a room message it could not send: the message is the write', async () => {
    const { service } = room({ failAppend: true });
    await expect(service.hear(cases.at(-1)!.event)).rejects.toThrow('database down');
  });
});
