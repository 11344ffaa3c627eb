/** A session's voice recording over HTTP on the real database: chunks acknowledged once, in order, within a limit. */
import { describe, expect, it } from 'vitest';
import { designFixture } from '../support/fixtures.ts';
import { client } from '../support/server.ts';
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
const upload = (sessionId: string, body: unknown, who = api.owner) =>
  who.request('POST', `/api/sessions/${sessionId}/recording/chunks`, body);

async function segmentAudio(sessionId: string, segment: number, cookie = api.owner.cookie) {
  const res = await fetch(`${api.server.url}/api/sessions/${sessionId}/recording/${segment}`, { headers: { cookie } });
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
    const recording = (await api.owner.request('GET', `/api/sessions/${id}/recording`)).json;
    expect(recording).toMatchObject({ bytes: 150, limitBytes: LIMIT, mimeType: 'audio/webm;codecs=opus' });
    expect(recording.segments).toEqual([{ segment: 0, startMs: 0, endMs: 2000, chunks: 2, bytes: 150, missing: [] }]);
  });

  it('plays a segment back as its chunks in order, whatever order they arrived in', async () => {
    const { id } = await api.startSession();
    for (const seq of [2, 0, 1]) expect((await upload(id, chunk(5000, seq, bytes(10, seq + 1)))).status).toBe(200);
    await upload(id, chunk(20_000, 0, bytes(5, 9)));
    const audio = await segmentAudio(id, 5000);
    expect(audio.status).toBe(200);
    expect(audio.type).toBe('audio/webm;codecs=opus');
    expect([...audio.body]).toEqual([...bytes(10, 1), ...bytes(10, 2), ...bytes(10, 3)]);
    const { segments } = (await api.owner.request('GET', `/api/sessions/${id}/recording`)).json;
    expect(segments.map((s: { segment: number }) => s.segment)).toEqual([5000, 20_000]);
    expect((await segmentAudio(id, 7)).status).toBe(404);
  });

  it('names the chunk numbers still missing', async () => {
    const { id } = await api.startSession();
    await upload(id, chunk(0, 0, bytes(10, 1)));
    await upload(id, chunk(0, 3, bytes(10, 1)));
    const { segments } = (await api.owner.request('GET', `/api/sessions/${id}/recording`)).json;
    expect(segments[0].missing).toEqual([1, 2]);
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
    expect((await api.owner.request('GET', `/api/sessions/${id}/recording`)).json.bytes).toBe(LIMIT);
  });

  it('refuses bad chunks with 400 naming the field', async () => {
    const { id } = await api.startSession();
    const res = await upload(id, { ...chunk(0, 0, bytes(1, 1)), seq: -1, data: 'not base64!' });
    expect(res.status).toBe(400);
    expect(Object.keys(res.json.error.fields).sort()).toEqual(['data', 'seq']);
  });

  it('takes chunks recorded before the end after the session is submitted, and refuses later ones', async () => {
    const { id } = await api.startSession();
    await api.owner.request('POST', `/api/sessions/${id}/submit`);
    expect((await upload(id, chunk(0, 0, bytes(10, 1)))).status).toBe(200);
    const late = await upload(id, { ...chunk(0, 1, bytes(10, 1)), startMs: 60 * 60_000 });
    expect(late.status).toBe(409);
    expect(late.json.error.code).toBe('SESSION_LOCKED');
  });

  it('refuses audio arriving after the grace, even when it claims to start at 0 ms (the server’s clock decides)', async () => {
    const { id } = await api.startSession();
    await api.owner.request('POST', `/api/sessions/${id}/submit`);
    const { ObjectId } = await import('mongodb');
    // Ended a minute ago: far past the grace in which the last chunks in flight still count.
    await api.server.database.sessions.updateOne(
      { _id: new ObjectId(id) },
      { $set: { submittedAt: new Date(Date.now() - 60_000) } }
    );
    const claimed = await upload(id, chunk(0, 0, bytes(10, 1)));
    expect(claimed.status).toBe(409);
    expect(claimed.json.error.code).toBe('SESSION_LOCKED');
    expect((await api.owner.request('GET', `/api/sessions/${id}/recording`)).json.bytes).toBe(0);
  });
});

describe('who reaches a recording', () => {
  it('is the owner’s to write; a stranger gets 404 everywhere', async () => {
    const { id } = await api.startSession();
    await upload(id, chunk(0, 0, bytes(10, 1)));
    expect((await upload(id, chunk(0, 1, bytes(10, 1)), api.stranger)).status).toBe(404);
    expect((await api.stranger.request('GET', `/api/sessions/${id}/recording`)).status).toBe(404);
    expect((await segmentAudio(id, 0, api.stranger.cookie)).status).toBe(404);
    expect((await api.stranger.request('DELETE', `/api/sessions/${id}/recording`)).status).toBe(404);
    expect((await client(api.server.url).request('GET', `/api/sessions/${id}/recording`)).status).toBe(401);
  });

  it('is deleted by its owner, and the limit counts from zero again', async () => {
    const { id } = await api.startSession();
    await upload(id, chunk(0, 0, bytes(LIMIT, 1)));
    expect((await api.owner.request('DELETE', `/api/sessions/${id}/recording`)).json).toEqual({ deletedChunks: 1 });
    expect((await api.owner.request('GET', `/api/sessions/${id}/recording`)).json).toMatchObject({
      segments: [],
      bytes: 0
    });
    expect((await segmentAudio(id, 0)).status).toBe(404);
    expect((await upload(id, chunk(0, 0, bytes(10, 1)))).json.stored).toBe(true);
  });

  it('is listed in the owner’s export, without its audio', async () => {
    const { id } = await api.startSession();
    await upload(id, chunk(0, 0, bytes(10, 1)));
    const exported = (await api.owner.request('GET', '/api/export')).json;
    const session = exported.sessions.find((s: { id: string }) => s.id === id);
    expect(session.recording).toEqual([
      { segment: 0, startMs: 0, endMs: 1000, chunks: 1, bytes: 10, missing: [], url: `/api/sessions/${id}/recording/0` }
    ]);
  });
});
