/** Insights and export over HTTP: weak areas from real scored sessions, and nobody else's data in the export. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { designFixture } from '../support/fixtures.ts';
import { client, startTestServer } from '../support/server.ts';

let server: Awaited<ReturnType<typeof startTestServer>>;
let me: ReturnType<typeof client>;
let other: ReturnType<typeof client>;

beforeAll(async () => {
  server = await startTestServer({ questions: [designFixture] });
  me = client(server.url);
  other = client(server.url);
  await me.request('POST', '/api/auth/signup', {
    email: 'me@insights.example',
    password: 'insights-pass-1',
    name: 'Me'
  });
  await other.request('POST', '/api/auth/signup', {
    email: 'other@insights.example',
    password: 'insights-pass-1',
    name: 'O'
  });
  for (const estimation of [1, 2, 3]) {
    const { session } = (await me.request('POST', '/api/sessions', { questionId: designFixture.id })).json;
    await me.request('POST', `/api/sessions/${session.id}/submit`);
    const ratings = Object.fromEntries(
      session.rubric.criteria.map((c: { id: string; competency: string }) => [
        c.id,
        c.competency === 'estimation' ? estimation : 3
      ])
    );
    await me.request('PUT', `/api/sessions/${session.id}/scores/self`, {
      ratings,
      oops: ['no capacity estimate', 'quote, "comma"']
    });
  }
});
afterAll(() => server.close());

it('finds the competency rated 2 or below in most recent sessions, with study refs and the oops tags', async () => {
  const res = await me.request('GET', '/api/insights');
  expect(res.status).toBe(200);
  expect(res.json.sessionsScored).toBe(3);
  expect(res.json.weakAreas.map((a: { competencyId: string }) => a.competencyId)).toEqual(['estimation']);
  expect(res.json.weakAreas[0]).toMatchObject({ lowCount: 2, measuredCount: 3 });
  expect(res.json.weakAreas[0].study.length).toBeGreaterThan(0);
  expect(res.json.oops[0]).toMatchObject({ tag: 'no capacity estimate', count: 3 });
  const estimation = res.json.competencies.find((c: { id: string }) => c.id === 'estimation');
  expect(estimation.points.map((p: { self: number }) => p.self)).toEqual([1, 2, 3]);
  expect((await other.request('GET', '/api/insights')).json.sessionsScored).toBe(0);
});

it('schedules the oops tags for review and fills this week’s recap from the sessions', async () => {
  const res = (await me.request('GET', '/api/insights')).json;
  expect(res.reviews.map((r: { tag: string; stage: number }) => [r.tag, r.stage])).toEqual(
    expect.arrayContaining([['no capacity estimate', 0]])
  );
  expect(res.recap.mocks).toBe(3);
  expect(res.recap.markdown).toContain('- Mock interview    : ✅ (3)');
  expect(res.recap.markdown).toMatch(/- Biggest "Oops" {4}: (no capacity estimate|quote, "comma")/);
});

it('exports every session with its scores as JSON and as CSV, and nothing of another user', async () => {
  const json = await me.request('GET', '/api/export');
  expect(json.headers.get('content-disposition')).toMatch(/attachment; filename="mockloop-.*\.json"/);
  expect(json.json.sessions).toHaveLength(3);
  expect(json.json.sessions[0].self.score).toEqual(expect.any(Number));
  const csv = await me.request('GET', '/api/export?format=csv');
  expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
  const lines = csv.text.trim().split('\n');
  expect(lines[0]).toBe(
    'session_id,started_at,question,rubric,criterion,self_rating,peer_ratings,self_score,hire_signal'
  );
  expect(lines.length).toBe(1 + 3 * 9);
  expect((await other.request('GET', '/api/export')).json.sessions).toEqual([]);
  const bad = await me.request('GET', '/api/export?format=xml');
  expect(bad.status).toBe(400);
});
