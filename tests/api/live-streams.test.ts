/**
 * Limits on the live room's event streams: signing out ends the person's open streams within 2 s (on this instance
 * and on another one over the same database), and one person holds at most a few streams on a session.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { designFixture } from '../support/fixtures.ts';
import { answer, client, reply, startTestServer } from '../support/server.ts';
import { ofType, openEvents, type EventStream } from '../support/sse.ts';

type Server = Awaited<ReturnType<typeof startTestServer>>;
let a: Server;
let b: Server;
const streams: EventStream[] = [];

beforeAll(async () => {
  a = await startTestServer({ questions: [designFixture] });
  b = await startTestServer({ questions: [designFixture], dbName: a.dbName });
});
afterAll(async () => {
  for (const s of streams) s.close();
  await Promise.all([a.close(), b.close()]);
});

async function candidateWithSession(server: Server, name: string) {
  const c = client(server.url);
  await c.signUp({ email: `${name}-${Date.now()}@streams.example`, password: 'streams-password-1', name });
  const { session } = await answer(c.api.sessions.$post({ json: { questionId: designFixture.id } }), 201);
  return { c, sessionId: session.id as string };
}

async function listen(server: Server, cookie: string, sessionId: string): Promise<EventStream> {
  const stream = await openEvents(`${server.url}/api/sessions/${sessionId}/events`, cookie);
  streams.push(stream);
  return stream;
}

describe('signing out', () => {
  it('ends the open streams of that sign-in within 2 s, on this instance and on another', async () => {
    const { c, sessionId } = await candidateWithSession(a, 'Sol');
    const here = await listen(a, c.cookie, sessionId);
    const there = await listen(b, c.cookie, sessionId);
    for (const stream of [here, there]) {
      expect(stream.status).toBe(200);
      await stream.next(ofType('hello'));
    }
    const signedOutAt = Date.now();
    expect((await reply(c.api.auth.signout.$post())).status).toBe(200);
    for (const stream of [here, there]) {
      const last = await stream.next(ofType('error'), 3_000);
      expect(last.data).toMatchObject({ code: 'UNAUTHENTICATED' });
      await stream.ended;
    }
    expect(Date.now() - signedOutAt).toBeLessThan(2_000 + 1_000); // the sign-out's own answer waits up to ~0.4 s
  });
});

describe('streams per person', () => {
  it('admits four streams on one session, refuses the fifth with 429 TOO_MANY_STREAMS, and admits one again after a close', async () => {
    const { c, sessionId } = await candidateWithSession(a, 'Tess');
    const open: EventStream[] = [];
    for (let i = 0; i < 4; i++) {
      const stream = await listen(a, c.cookie, sessionId);
      expect(stream.status).toBe(200);
      await stream.next(ofType('hello'));
      open.push(stream);
    }
    const fifth = await listen(a, c.cookie, sessionId);
    expect(fifth.status).toBe(429);
    expect(fifth.body.error.code).toBe('TOO_MANY_STREAMS');
    // Someone else's stream on their own session is not held back by Tess's.
    const other = await candidateWithSession(a, 'Uma');
    expect((await listen(a, other.c.cookie, other.sessionId)).status).toBe(200);

    open[0]!.close();
    await expect
      .poll(async () => {
        const again = await listen(a, c.cookie, sessionId);
        if (again.status === 200) again.close();
        return again.status;
      })
      .toBe(200);
  });
});
