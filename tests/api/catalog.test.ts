/** The question bank and rubrics over HTTP: filters, search, and hidden tests that never leave the server. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codingFixture, designFixture, HIDDEN_MARKER } from '../support/fixtures.ts';
import { answer, client, reply, startTestServer } from '../support/server.ts';

type Api = ReturnType<typeof client>['api'];

let server: Awaited<ReturnType<typeof startTestServer>>;
let anonymous: ReturnType<typeof client>;

beforeAll(async () => {
  server = await startTestServer({ questions: [designFixture, codingFixture] });
  anonymous = client(server.url);
});
afterAll(() => server.close());

describe('questions', () => {
  it.each<{ query: Parameters<Api['questions']['$get']>[0]['query']; ids: string[] }>([
    { query: {}, ids: [designFixture.id, codingFixture.id] },
    { query: { kind: 'coding' }, ids: [codingFixture.id] },
    { query: { kind: 'design', level: 'senior' }, ids: [designFixture.id] },
    { query: { level: 'principal' }, ids: [] },
    { query: { difficulty: 'easy' }, ids: [codingFixture.id] },
    { query: { tag: 'caching' }, ids: [designFixture.id] },
    { query: { q: 'short links' }, ids: [designFixture.id] },
    { query: { q: 'indices target' }, ids: [codingFixture.id] }
  ])('GET /api/questions?$query → $ids', async ({ query, ids }) => {
    const { items, total } = await answer(anonymous.api.questions.$get({ query }), 200);
    expect(items.map((q) => q.id).sort()).toEqual([...ids].sort());
    expect(total).toBe(ids.length);
  });

  it.each(['?kind=video', '?level=junior', '?limit=0', '?offset=-1'])(
    'refuses %s with 400 naming the field',
    async (query) => {
      // Values the contract lacks, on purpose: the untyped client.
      const res = await anonymous.request('GET', `/api/questions${query}`);
      expect(res.status).toBe(400);
      expect(Object.keys(res.json.error.fields)).toEqual([query.slice(1).split('=')[0]]);
    }
  );

  it('serves a coding problem with its examples and starter code but never its hidden tests', async () => {
    const { question } = await answer(anonymous.api.questions[':id'].$get({ param: { id: codingFixture.id } }), 200);
    expect(question.kind === 'coding' && question.examples).toHaveLength(3);
    // Ten hidden tests: seven reach the candidate's browser at Submit, three are held back for reviewers.
    expect(question.kind === 'coding' && question.hiddenTestCount).toBe(7);
    expect(question).not.toHaveProperty('hiddenTests');
    const reads = [
      anonymous.api.questions.$get({ query: {} }),
      anonymous.api.questions[':id'].$get({ param: { id: codingFixture.id } }),
      anonymous.api.questions.$get({ query: { kind: 'coding' } })
    ];
    for (const read of reads) expect((await reply(read)).text).not.toContain(HIDDEN_MARKER);
  });

  it('answers 404 for an unknown question', async () => {
    const res = await reply(anonymous.api.questions[':id'].$get({ param: { id: 'nope' } }));
    expect(res.status).toBe(404);
    expect(res.json.error.code).toBe('NOT_FOUND');
  });
});

describe('rubrics', () => {
  it('lists every rubric with the taxonomy and the study plan', async () => {
    const { items, competencies, studyPlan } = await answer(anonymous.api.rubrics.$get(), 200);
    expect(items.length).toBeGreaterThanOrEqual(28);
    expect(competencies.length).toBeGreaterThanOrEqual(12);
    expect(Object.keys(studyPlan.patterns)).toContain('two-pointers-sliding-window');
  });

  it('serves one rubric, and 404 for an unknown one', async () => {
    const { rubric } = await answer(anonymous.api.rubrics[':id'].$get({ param: { id: 'system-design-mock' } }), 200);
    expect(rubric.criteria.reduce((sum, c) => sum + c.weight, 0)).toBe(100);
    expect((await reply(anonymous.api.rubrics[':id'].$get({ param: { id: 'nope' } }))).status).toBe(404);
  });
});
