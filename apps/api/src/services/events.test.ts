import { ObjectId } from 'mongodb';
import { describe, expect, it } from 'vitest';
import { createEventBus, handle, type DomainEvent, type HandlerTable } from './events.ts';

const userId = new ObjectId();
const sessionId = new ObjectId();
const scored: DomainEvent = { type: 'self-scored', userId, sessionId };

describe('createEventBus', () => {
  it('tells every follower, in the order they subscribed, and waits for each', async () => {
    const bus = createEventBus();
    const heard: string[] = [];
    bus.subscribe(async (event) => {
      await Promise.resolve();
      heard.push(`first ${event.type}`);
    });
    bus.subscribe((event) => void heard.push(`second ${event.type}`));
    await bus.emit(scored);
    expect(heard).toEqual(['first self-scored', 'second self-scored']);
  });

  it('is quiet with no followers', async () => {
    await expect(createEventBus().emit(scored)).resolves.toBeUndefined();
  });

  it('tells the later followers when one fails, then fails the emit with its error', async () => {
    const bus = createEventBus();
    const heard: string[] = [];
    const broken = new Error('insights down');
    bus.subscribe(() => {
      throw broken;
    });
    bus.subscribe((event) => void heard.push(event.type));
    await expect(bus.emit(scored)).rejects.toBe(broken);
    expect(heard).toEqual(['self-scored']);
  });

  it('names every failure when several followers fail', async () => {
    const bus = createEventBus();
    bus.subscribe(() => Promise.reject(new Error('one')));
    bus.subscribe(() => Promise.reject(new Error('two')));
    const error = await bus.emit(scored).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AggregateError);
    expect((error as AggregateError).errors.map((e: Error) => e.message)).toEqual(['one', 'two']);
  });

  it('stops telling a follower once it unsubscribed (the others still hear)', async () => {
    const bus = createEventBus();
    const heard: string[] = [];
    const stop = bus.subscribe(() => void heard.push('gone'));
    bus.subscribe(() => void heard.push('kept'));
    stop();
    stop();
    await bus.emit(scored);
    expect(heard).toEqual(['kept']);
  });

  it('tells a follower subscribed during an emit from the next emit on', async () => {
    const bus = createEventBus();
    const heard: string[] = [];
    bus.subscribe(() => {
      heard.push('first');
      if (heard.length === 1) bus.subscribe(() => void heard.push('late'));
    });
    await bus.emit(scored);
    await bus.emit(scored);
    expect(heard).toEqual(['first', 'first', 'late']);
  });
});

describe('handle', () => {
  it("applies the table's handler for the event's kind, with the event narrowed to it", () => {
    const sessionOf: HandlerTable<string | null> = {
      'session-started': (e) => e.sessionId.toHexString(),
      'work-saved': (e) => `r${e.revision}`,
      'phase-moved': (e) => e.session.phaseLog.at(-1)?.phaseId ?? null,
      'session-ended': (e) => e.reason,
      'self-scored': () => 'scored',
      'session-deleted': (e) => `deleted ${e.sessionId.toHexString()}`,
      'submission-made': (e) => `#${e.n}`,
      'submission-judged': (e) => `${e.passed}/${e.total}`,
      'submission-confirmed': (e) => e.reviewerId.toHexString(),
      'peer-scored': (e) => e.peerScoreId.toHexString(),
      'invite-revoked': (e) => e.invite._id.toHexString(),
      'invite-changed': (e) => e.invite.status,
      'loop-changed': (e) => e.change,
      'loop-decided': (e) => `${e.roundSessionIds.length} rounds`,
      'room-message': (e) => e.event.type
    };
    expect(handle(sessionOf, scored)).toBe('scored');
    const judged: DomainEvent = {
      type: 'submission-judged',
      userId,
      sessionId,
      submissionId: new ObjectId(),
      n: 2,
      passed: 3,
      total: 5
    };
    expect(handle(sessionOf, judged)).toBe('3/5');
    const ended: DomainEvent = {
      type: 'session-ended',
      userId,
      sessionId,
      submittedAt: new Date(),
      reason: 'deadline'
    };
    expect(handle(sessionOf, ended)).toBe('deadline');
  });
});
