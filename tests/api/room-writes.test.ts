/**
 * The room's writes over HTTP on the real database: a write the browser's outbox retries (same client id) is
 * stored and told once; a follow-up revealed many times at once is stored once; chat is limited per person and
 * closes when the session ends; the room is read a page at a time.
 */
import { ObjectId } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { designFixture } from '../support/fixtures.ts';
import { createRoomRepository } from '../../apps/api/src/db/room.ts';
import { answer, client, reply, startTestServer } from '../support/server.ts';
import { ofType, openEvents, type EventStream } from '../support/sse.ts';

type Server = Awaited<ReturnType<typeof startTestServer>>;
let server: Server;
const streams: EventStream[] = [];
const CHAT_LIMIT = 5;
/** Windows are fixed (aligned to the epoch), so the test waits out one that ends within 20 s before sending. */
const CHAT_WINDOW_MS = 3_600_000;
async function clearOfWindowEdge(): Promise<void> {
  const left = CHAT_WINDOW_MS - (Date.now() % CHAT_WINDOW_MS);
  if (left < 20_000) await new Promise((resolve) => setTimeout(resolve, left + 100));
}

async function signUp(name: string) {
  const c = client(server.url);
  await c.signUp({
    email: `${name}-${Date.now()}-${Math.random()}@room-writes.example`,
    password: 'room-password-1',
    name
  });
  return c;
}

/** A design mock with an interviewer admitted. */
async function room() {
  const candidate = await signUp('Cara');
  const interviewer = await signUp('Ivan');
  const { session } = await answer(candidate.api.sessions.$post({ json: { questionId: designFixture.id } }), 201);
  const { token } = await answer(at(candidate).invites.$post({ param: { id: session.id }, json: {} }), 201);
  expect((await reply(interviewer.api.invites.accept.$post({ json: { token } }))).status).toBe(200);
  return { candidate, interviewer, sessionId: session.id };
}

/** One session's routes as `c` calls them; each call takes `{ param: { id } }`. */
const at = (c: ReturnType<typeof client>) => c.api.sessions[':id'];
const items = async (c: ReturnType<typeof client>, sessionId: string) =>
  (await answer(at(c).room.$get({ param: { id: sessionId }, query: {} }))).items;

beforeAll(async () => {
  server = await startTestServer({
    questions: [designFixture],
    app: { chatLimit: { limit: CHAT_LIMIT, windowMs: CHAT_WINDOW_MS } }
  });
});
afterAll(async () => {
  for (const s of streams) s.close();
  await server.close();
});

describe('a write retried by the outbox (the same client id)', () => {
  it.each([
    { kind: 'chat', path: 'chat', event: 'chat' },
    { kind: 'note', path: 'interviewer-notes', event: 'note' }
  ] as const)('is stored once and told once: $kind', async ({ kind, path, event }) => {
    const { interviewer, sessionId } = await room();
    const stream = await openEvents(`${server.url}/api/sessions/${sessionId}/events`, interviewer.cookie);
    streams.push(stream);
    await stream.next(ofType('hello'));
    const body = { text: `Sent while the network dropped (${kind})`, clientId: `outbox-${kind}-0001` };
    const param = { id: sessionId };
    const answers = await Promise.all(
      Array.from({ length: 3 }, () => reply(at(interviewer)[path].$post({ param, json: body })))
    );
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201]);
    expect(new Set(answers.map((a) => a.json.item.id)).size).toBe(1);
    expect((await items(interviewer, sessionId)).filter((i) => i.text === body.text)).toHaveLength(1);
    // Another write after it: the stream carries the first exactly once before it.
    await answer(at(interviewer)[path].$post({ param, json: { text: 'after', clientId: 'outbox-after-1' } }), 201);
    await stream.next(ofType(event, (d) => d.item.text === 'after'));
    expect(stream.received.filter((e) => e.data.type === event && e.data.item.text === body.text)).toHaveLength(1);
  });

  it('refuses a malformed client id with the field named', async () => {
    const { interviewer, sessionId } = await room();
    const res = await reply(
      at(interviewer).chat.$post({ param: { id: sessionId }, json: { text: 'x', clientId: 'a b' } })
    );
    expect(res.status).toBe(400);
    expect(Object.keys(res.json.error.fields)).toEqual(['clientId']);
  });
});

describe('revealing', () => {
  it('the same follow-up 10 times at once stores it once: one 201, nine 409 CONFLICT', async () => {
    const { candidate, interviewer, sessionId } = await room();
    const answers = await Promise.all(
      Array.from({ length: 10 }, () =>
        reply(at(interviewer).reveals.$post({ param: { id: sessionId }, json: { kind: 'followUp', index: 0 } }))
      )
    );
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([201, ...Array(9).fill(409)]);
    for (const refused of answers.filter((a) => a.status === 409)) expect(refused.json.error.code).toBe('CONFLICT');
    expect((await items(candidate, sessionId)).filter((i) => i.kind === 'reveal')).toHaveLength(1);
  });
});

describe('chat', () => {
  it(`takes ${CHAT_LIMIT} messages a window from one person, then answers 429 with Retry-After`, async () => {
    const { candidate, interviewer, sessionId } = await room();
    const param = { id: sessionId };
    const answers = [];
    await clearOfWindowEdge();
    for (let i = 0; i < CHAT_LIMIT + 2; i++) {
      answers.push(await reply(at(candidate).chat.$post({ param, json: { text: `message ${i}` } })));
    }
    expect(answers.map((a) => a.status)).toEqual([...Array(CHAT_LIMIT).fill(201), 429, 429]);
    expect(answers.at(-1)!.json.error.code).toBe('RATE_LIMITED');
    expect(Number(answers.at(-1)!.headers.get('retry-after'))).toBeGreaterThan(0);
    // The limit is the person's: the interviewer still speaks.
    expect((await reply(at(interviewer).chat.$post({ param, json: { text: 'hello' } }))).status).toBe(201);
  });

  it('is closed once the session has ended: 409 SESSION_LOCKED for both sides', async () => {
    const { candidate, interviewer, sessionId } = await room();
    const param = { id: sessionId };
    expect((await reply(at(candidate).submit.$post({ param }))).status).toBe(200);
    for (const who of [candidate, interviewer]) {
      const res = await reply(at(who).chat.$post({ param, json: { text: 'too late' } }));
      expect(res.status).toBe(409);
      expect(res.json.error.code).toBe('SESSION_LOCKED');
      expect(res.json.error.message).toMatch(/chat is closed/);
    }
    expect((await items(candidate, sessionId)).some((i) => i.text === 'too late')).toBe(false);
  });
});

// A room of hundreds of items written and read a page at a time: longer than the default 30 s on a busy machine.
describe('reading the room', () => {
  /** `count` chat messages by the candidate, two by two in the same millisecond (the order breaks ties by id). */
  function messages(sessionId: string, authorId: string, count: number) {
    const start = Date.now();
    return Array.from({ length: count }, (_, i) => ({
      _id: new ObjectId(),
      sessionId: new ObjectId(sessionId),
      authorId: new ObjectId(authorId),
      authorName: 'Cara',
      authorRole: 'candidate' as const,
      kind: 'chat' as const,
      text: `message ${i} ${'x'.repeat(2000)}`,
      reveal: null,
      at: new Date(start + Math.floor(i / 2))
    }));
  }

  /** Reads the whole room as the candidate, the first page and then 150 at a time: each message once, in order. */
  async function readsEveryPage(candidate: ReturnType<typeof client>, sessionId: string, count: number) {
    const param = { id: sessionId };
    const first = await reply(at(candidate).room.$get({ param, query: {} }));
    expect(first.status).toBe(200);
    expect(first.text.length).toBeLessThan(600_000);
    const chats = (items: { kind: string; text: string }[]) =>
      items.filter((i) => i.kind === 'chat').map((i) => Number(i.text.split(' ')[1]));
    expect(chats(first.json.items)).toEqual(Array.from({ length: 200 }, (_, i) => count - 200 + i));
    expect(first.json.items.filter((i: { kind: string }) => i.kind === 'reveal')).toHaveLength(1);
    let seen = chats(first.json.items);
    let earlier: string | null = first.json.earlier;
    let pages = 1;
    while (earlier) {
      const page = await reply(at(candidate).room.$get({ param, query: { before: earlier, limit: '150' } }));
      expect(page.json.items.every((i: { kind: string }) => i.kind === 'chat')).toBe(true);
      seen = [...chats(page.json.items), ...seen];
      earlier = page.json.earlier;
      pages++;
    }
    expect(seen).toEqual(Array.from({ length: count }, (_, i) => i));
    expect(pages).toBe(1 + Math.ceil((count - 200) / 150));
  }

  it('600 messages come 200 at a time, newest page first, every reveal on the first page, none twice', async () => {
    const { candidate, interviewer, sessionId } = await room();
    const param = { id: sessionId };
    await answer(at(interviewer).reveals.$post({ param, json: { kind: 'followUp', index: 0 } }), 201);
    const me = (await answer(candidate.api.me.$get())).user;
    // Stored through the room's repository: 2,000 chat messages through the API would meet its rate limit.
    const repo = createRoomRepository(server.database);
    for (const message of messages(sessionId, me.id, 600)) await repo.addItem(message);
    await readsEveryPage(candidate, sessionId, 600);
    // Listed in the room's log: whole blocks of fifty were copied into one document each as they were read.
    const roomId = new ObjectId(sessionId);
    expect(await server.database.roomLog.countDocuments({ sessionId: roomId })).toBe(600);
    expect(await server.database.roomLogBlocks.countDocuments({ sessionId: roomId })).toBe(12);
    const bad = await reply(at(candidate).room.$get({ param, query: { before: 'yesterday', limit: '5000' } }));
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.json.error.fields).sort()).toEqual(['before', 'limit']);
  }, 120_000);

  it('2,000 messages stored before the log are listed on the first read: the same pages, then new messages after them', async () => {
    const { candidate, interviewer, sessionId } = await room();
    const param = { id: sessionId };
    const me = (await answer(candidate.api.me.$get())).user;
    const roomId = new ObjectId(sessionId);
    // As an older version stored it: the items only (a reveal under an id of its own), no head, no log.
    await server.database.roomHeads.deleteOne({ _id: roomId });
    await server.database.roomItems.insertMany([
      ...messages(sessionId, me.id, 2000),
      {
        _id: new ObjectId(),
        sessionId: roomId,
        authorId: new ObjectId(),
        authorName: 'Ivan',
        authorRole: 'interviewer',
        kind: 'reveal',
        text: 'How do you generate ids without collisions?',
        reveal: { kind: 'followUp', index: 0 },
        at: new Date()
      }
    ]);
    await readsEveryPage(candidate, sessionId, 2000);
    expect(await server.database.roomLog.countDocuments({ sessionId: roomId })).toBe(2000);
    // Listed once: a second instance (or read) lists nothing again, and a new message follows the old ones.
    await reply(at(interviewer).room.$get({ param, query: {} }));
    expect(await server.database.roomLog.countDocuments({ sessionId: roomId })).toBe(2000);
    await answer(at(candidate).chat.$post({ param, json: { text: 'after the upgrade' } }), 201);
    const latest = (await answer(at(interviewer).room.$get({ param, query: { limit: '2' } }))).items;
    expect(latest.filter((i) => i.kind === 'chat').map((i) => i.text.split(' ').slice(0, 2).join(' '))).toEqual([
      'message 1999',
      'after the'
    ]);
    expect(latest.filter((i) => i.kind === 'reveal')).toHaveLength(1);
  }, 120_000);
});
