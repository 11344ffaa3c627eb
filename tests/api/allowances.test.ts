/**
 * Per-person allowances, each kept in one document read by `_id`: sessions started in a UTC day (an assessment
 * counts each of its problems), and the audio of all a person's recordings together.
 */
import { describe, expect, it } from 'vitest';
import { codingFixture, designFixture } from '../support/fixtures.ts';
import { answer, client, reply, startTestServer } from '../support/server.ts';

async function person(server: Awaited<ReturnType<typeof startTestServer>>, name: string) {
  const c = client(server.url);
  await c.signUp({ email: `${name}-${Date.now()}@allowances.example`, password: 'allowance-password-1', name });
  return c;
}

describe('sessions a day', () => {
  it('admits three starts, refuses the fourth with 429 and a Retry-After to midnight UTC, and stores nothing', async () => {
    const server = await startTestServer({
      questions: [designFixture, codingFixture, { ...codingFixture, id: `${codingFixture.id}-2` }],
      app: { sessionsPerDay: 3 }
    });
    try {
      const ada = await person(server, 'Ada');
      const start = () => reply(ada.api.sessions.$post({ json: { questionId: designFixture.id } }));
      expect((await start()).status).toBe(201);
      // An assessment is two sessions: 1 + 2 = 3, the day's allowance.
      const assessment = await reply(
        ada.api.assessments.$post({ json: { questionIds: [codingFixture.id, `${codingFixture.id}-2`] } })
      );
      expect(assessment.status).toBe(201);
      const refused = await start();
      expect(refused.status).toBe(429);
      expect(refused.json).toMatchObject({ error: { code: 'RATE_LIMITED' } });
      const retryAfter = Number(refused.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(24 * 3600);
      expect((await answer(ada.api.sessions.$get({ query: {} }))).items).toHaveLength(3);
      // Someone else's day is their own.
      const bo = await person(server, 'Bo');
      expect((await reply(bo.api.sessions.$post({ json: { questionId: designFixture.id } }))).status).toBe(201);
    } finally {
      await server.close();
    }
  });
});

describe('audio a person keeps', () => {
  it('counts every session’s recording against one allowance, and a deleted recording gives its bytes back', async () => {
    const server = await startTestServer({
      questions: [designFixture],
      app: { recordingLimitBytes: 1000, userRecordingLimitBytes: 1500 }
    });
    try {
      const ada = await person(server, 'Cy');
      const session = async () =>
        (await answer(ada.api.sessions.$post({ json: { questionId: designFixture.id } }), 201)).session.id as string;
      const upload = (id: string, seq: number, n: number) =>
        reply(
          ada.api.sessions[':id'].recording.chunks.$post({
            param: { id },
            json: { segment: 0, seq, startMs: seq * 500, durationMs: 500, data: Buffer.alloc(n, 1).toString('base64') }
          })
        );
      const first = await session();
      const second = await session();
      expect((await upload(first, 0, 900)).status).toBe(200);
      expect((await upload(second, 0, 500)).status).toBe(200);
      // 900 + 500 + 200 passes the person's 1,500 though the second session holds only 700.
      const refused = await upload(second, 1, 200);
      expect(refused.status).toBe(413);
      expect(refused.json).toMatchObject({ error: { code: 'RECORDING_TOO_LARGE' } });
      expect((await answer(ada.api.sessions[':id'].recording.$get({ param: { id: second } }))).bytes).toBe(500);
      expect((await reply(ada.api.sessions[':id'].recording.$delete({ param: { id: first } }))).status).toBe(200);
      expect((await upload(second, 1, 200)).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});
