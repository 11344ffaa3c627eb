/** A session's voice recording over HTTP on the real database: chunks acknowledged once, in order, within a limit. */
import { Binary, ObjectId } from 'mongodb';
import { describe, expect, it } from 'vitest';
import { designFixture } from '../support/fixtures.ts';
import { answer, client, reply, type JsonOf } from '../support/server.ts';
import { useSessionApi } from '../support/session-api.ts';

const LIMIT = 64 * 1024;
const api = useSessionApi({
  questions: [designFixture],
  app: { allowShortSessions: true, recordingLimitBytes: LIMIT }
});

const bytes = (n: number, fill: number) => Buffer.alloc(n, fill);
const chunk = (segment: number, seq: number, data: Buffer, durationMs = 1000) => ({
  segment,
  seq,
  startMs: segment + seq * 1000,
  durationMs,
  data: data.toString('base64')
});
type Client = ReturnType<typeof client>;
/** One session's recording routes as `as` calls them (the owner by default); each call takes `{ param: { id } }`. */
const recording = (as: Client = api.owner) => as.api.sessions[':id'].recording;
const upload = (id: string, json: JsonOf<ReturnType<typeof recording>['chunks']['$post']>, who = api.owner) =>
  reply(recording(who).chunks.$post({ param: { id }, json }));
const listed = async (id: string) => answer(recording().$get({ param: { id } }));

/** The audio bytes as they are: the typed client reads every body as text, so a segment is fetched at its typed URL. */
async function segmentAudio(sessionId: string, segment: number, cookie = api.owner.cookie) {
  const url = recording()[':segment'].$url({ param: { id: sessionId, segment: String(segment) } });
  const res = await fetch(url, { headers: { cookie } });
  return { status: res.status, type: res.headers.get('content-type'), body: Buffer.from(await res.arrayBuffer()) };
}

describe('uploading chunks', () => {
  it('acknowledges each chunk, and a retry is stored once', async () => {
    const { id } = await api.startSession();
    const first = await upload(id, chunk(0, 0, bytes(100, 1)));
    expect(first.status).toBe(200);
    expect(first.json).toEqual({ segment: 0, seq: 0, stored: true, bytes: 100, limitBytes: LIMIT });
    const retry = await upload(id, chunk(0, 0, bytes(100, 1)));
    expect(retry.json).toEqual({ segment: 0, seq: 0, stored: false, bytes: 100, limitBytes: LIMIT });
    const both = await Promise.all([upload(id, chunk(0, 1, bytes(50, 2))), upload(id, chunk(0, 1, bytes(50, 2)))]);
    expect(both.map((r) => r.json.stored).sort()).toEqual([false, true]);
    const stored = await listed(id);
    expect(stored).toMatchObject({ bytes: 150, limitBytes: LIMIT, mimeType: 'audio/webm;codecs=opus' });
    expect(stored.segments).toEqual([{ segment: 0, startMs: 0, endMs: 2000, chunks: 2, bytes: 150, missing: [] }]);
  });

  it('plays a segment back as its chunks in order, whatever order they arrived in', async () => {
    const { id } = await api.startSession();
    for (const seq of [2, 0, 1]) expect((await upload(id, chunk(5000, seq, bytes(10, seq + 1)))).status).toBe(200);
    await upload(id, chunk(20_000, 0, bytes(5, 9)));
    const audio = await segmentAudio(id, 5000);
    expect(audio.status).toBe(200);
    expect(audio.type).toBe('audio/webm;codecs=opus');
    expect([...audio.body]).toEqual([...bytes(10, 1), ...bytes(10, 2), ...bytes(10, 3)]);
    const { segments } = await listed(id);
    expect(segments.map((s) => s.segment)).toEqual([5000, 20_000]);
    expect((await segmentAudio(id, 7)).status).toBe(404);
  });

  it('lists, plays and deletes a recording stored before its manifest kept the list of chunks', async () => {
    const { id } = await api.startSession();
    const sessionId = new ObjectId(id);
    const { recordings, recordingChunks } = api.server.database;
    // As stored before: chunk documents with ObjectIds, and a manifest holding only the byte count.
    await recordingChunks.insertMany(
      [1, 0].map((seq) => ({
        _id: new ObjectId(),
        sessionId,
        segment: 0,
        seq,
        startMs: seq * 1000,
        durationMs: 1000,
        bytes: 4,
        data: new Binary(bytes(4, seq + 1)),
        at: new Date()
      }))
    );
    await recordings.insertOne({ _id: sessionId, bytes: 8 });
    expect((await listed(id)).segments).toEqual([
      { segment: 0, startMs: 0, endMs: 2000, chunks: 2, bytes: 8, missing: [] }
    ]);
    // A new chunk joins the list the first read wrote back; the audio plays in order.
    expect((await upload(id, chunk(0, 2, bytes(4, 3)))).json).toMatchObject({ stored: true, bytes: 12 });
    expect([...(await segmentAudio(id, 0)).body]).toEqual([...bytes(4, 1), ...bytes(4, 2), ...bytes(4, 3)]);
    expect((await answer(recording().$delete({ param: { id } }))).deletedChunks).toBe(3);
    expect(await recordingChunks.countDocuments({ sessionId })).toBe(0);
  });

  it('names the chunk numbers still missing', async () => {
    const { id } = await api.startSession();
    await upload(id, chunk(0, 0, bytes(10, 1)));
    await upload(id, chunk(0, 3, bytes(10, 1)));
    const { segments } = await listed(id);
    expect(segments[0]!.missing).toEqual([1, 2]);
  });

  it('refuses past the session limit with 413 RECORDING_TOO_LARGE and keeps what came before', async () => {
    const { id } = await api.startSession();
    expect((await upload(id, chunk(0, 0, bytes(40 * 1024, 1)))).status).toBe(200);
    // Exactly up to the limit is kept; one byte past it is not.
    expect((await upload(id, chunk(0, 1, bytes(LIMIT - 40 * 1024, 1)))).status).toBe(200);
    const refused = await upload(id, chunk(0, 2, bytes(1, 1)));
    expect(refused.status).toBe(413);
    expect(refused.json.error.code).toBe('RECORDING_TOO_LARGE');
    expect(refused.json.error.message).toMatch(/limit/);
    expect((await listed(id)).bytes).toBe(LIMIT);
  });

  it('refuses bad chunks with 400 naming the field', async () => {
    const { id } = await api.startSession();
    const res = await upload(id, { ...chunk(0, 0, bytes(1, 1)), seq: -1, data: 'not base64!' });
    expect(res.status).toBe(400);
    expect(Object.keys(res.json.error.fields).sort()).toEqual(['data', 'seq']);
  });

  it('takes chunks recorded before the end after the session is submitted, and refuses later ones', async () => {
    const { id } = await api.startSession();
    await answer(api.owner.api.sessions[':id'].submit.$post({ param: { id } }));
    expect((await upload(id, chunk(0, 0, bytes(10, 1)))).status).toBe(200);
    const late = await upload(id, { ...chunk(0, 1, bytes(10, 1)), startMs: 60 * 60_000 });
    expect(late.status).toBe(409);
    expect(late.json.error.code).toBe('SESSION_LOCKED');
  });

  it('refuses audio arriving after the grace, even when it claims to start at 0 ms (the server’s clock decides)', async () => {
    const { id } = await api.startSession();
    await answer(api.owner.api.sessions[':id'].submit.$post({ param: { id } }));
    const { ObjectId } = await import('mongodb');
    // Ended a minute ago: far past the grace in which the last chunks in flight still count.
    await api.server.database.sessions.updateOne(
      { _id: new ObjectId(id) },
      { $set: { submittedAt: new Date(Date.now() - 60_000) } }
    );
    const claimed = await upload(id, chunk(0, 0, bytes(10, 1)));
    expect(claimed.status).toBe(409);
    expect(claimed.json.error.code).toBe('SESSION_LOCKED');
    expect((await listed(id)).bytes).toBe(0);
  });
});

describe('who reaches a recording', () => {
  it('is the owner’s to write; a stranger gets 404 everywhere', async () => {
    const { id } = await api.startSession();
    await upload(id, chunk(0, 0, bytes(10, 1)));
    expect((await upload(id, chunk(0, 1, bytes(10, 1)), api.stranger)).status).toBe(404);
    const param = { id };
    expect((await reply(recording(api.stranger).$get({ param }))).status).toBe(404);
    expect((await segmentAudio(id, 0, api.stranger.cookie)).status).toBe(404);
    expect((await reply(recording(api.stranger).$delete({ param }))).status).toBe(404);
    expect((await reply(recording(client(api.server.url)).$get({ param }))).status).toBe(401);
  });

  it('is deleted by its owner, and the limit counts from zero again', async () => {
    const { id } = await api.startSession();
    await upload(id, chunk(0, 0, bytes(LIMIT, 1)));
    expect(await answer(recording().$delete({ param: { id } }))).toEqual({ deletedChunks: 1 });
    expect(await listed(id)).toMatchObject({ segments: [], bytes: 0 });
    expect((await segmentAudio(id, 0)).status).toBe(404);
    expect((await upload(id, chunk(0, 0, bytes(10, 1)))).json.stored).toBe(true);
  });

  it('is listed in the owner’s export, without its audio', async () => {
    const { id } = await api.startSession();
    await upload(id, chunk(0, 0, bytes(10, 1)));
    // The export answers JSON or CSV: its JSON body is read as is.
    const exported = (await reply(api.owner.api.export.$get({ query: { format: 'json' } }))).json;
    const session = exported.sessions.find((s: { id: string }) => s.id === id);
    expect(session.recording).toEqual([
      { segment: 0, startMs: 0, endMs: 1000, chunks: 1, bytes: 10, missing: [], url: `/api/sessions/${id}/recording/0` }
    ]);
  });
});
