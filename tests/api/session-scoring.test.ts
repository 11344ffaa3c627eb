/** Scoring a finished session over HTTP on the real database: the self-assessment and the replay's snapshots. */
import { describe, expect, it } from 'vitest';
import { answer, reply } from '../support/server.ts';
import { useSessionApi } from '../support/session-api.ts';

const api = useSessionApi();
/** The owner's typed client, once signed in (bad input on purpose would go through `api.owner.request`). */
const owner = () => api.owner.api;
const startSession = (durationMin?: number) => api.startSession(durationMin);

describe('self-assessment', () => {
  it('is refused while the session runs', async () => {
    const session = await startSession();
    const res = await reply(
      owner().sessions[':id'].scores.self.$put({ param: { id: session.id }, json: { ratings: {} } })
    );
    expect(res.status).toBe(409);
  });

  it('computes the weighted score and hire signal with the rubric snapshot, and shows evidence', async () => {
    const session = await startSession();
    const param = { id: session.id };
    const notes = { estimates: '10M/day ≈ 115 rps, 1,150 qps at peak', design: 'redis cache, base62 counter ids; geo' };
    await answer(owner().sessions[':id'].work.$patch({ param, json: { revision: 0, notes } }));
    await answer(owner().sessions[':id'].submit.$post({ param }));
    const criteria = session.rubric.criteria;
    const ratings = Object.fromEntries(criteria.map((c) => [c.id, 3]));
    const { session: saved } = await answer(
      owner().sessions[':id'].scores.self.$put({
        param,
        json: {
          ratings,
          notes: { [criteria[0]!.id]: 'asked about scale first' },
          oops: ['no trade-offs discussed', 'no trade-offs discussed', 'forgot TTL']
        }
      }),
      200
    );
    expect(saved.selfScore).toMatchObject({
      score: 66.7,
      hireSignal: 'Hire',
      oops: ['no trade-offs discussed', 'forgot TTL']
    });
    expect(saved.evidence?.estimatesWritten).toBe(true);
    // A point needs a phrase or two of its terms together: "geo" alone is a passing mention.
    expect(saved.evidence?.keyPoints).toMatchObject([
      { covered: true, matched: ['rps', 'qps'] },
      { covered: true, matched: ['cache', 'redis'] },
      { covered: true, matched: ['base62', 'counter'] },
      { covered: false, matched: [], mentioned: ['geo'] }
    ]);
  });

  it.each([
    {
      name: 'a rating of 5',
      ratings: (ids: string[]) => ({ ...all(ids, 3), [ids[0]!]: 5 }),
      field: (ids: string[]) => `ratings.${ids[0]}`
    },
    {
      name: 'a rating of 0',
      ratings: (ids: string[]) => ({ ...all(ids, 3), [ids[0]!]: 0 }),
      field: (ids: string[]) => `ratings.${ids[0]}`
    },
    {
      name: 'an unknown criterion',
      ratings: (ids: string[]) => ({ ...all(ids, 3), charisma: 4 }),
      field: () => 'ratings.charisma'
    },
    {
      name: 'a missing criterion',
      ratings: (ids: string[]) => all(ids.slice(1), 3),
      field: (ids: string[]) => `ratings.${ids[0]}`
    }
  ])('refuses $name with 400 naming the criterion', async ({ ratings, field }) => {
    const session = await startSession();
    await answer(owner().sessions[':id'].submit.$post({ param: { id: session.id } }));
    const ids = session.rubric.criteria.map((c) => c.id);
    const res = await reply(
      owner().sessions[':id'].scores.self.$put({ param: { id: session.id }, json: { ratings: ratings(ids) } })
    );
    expect(res.status).toBe(400);
    expect(Object.keys(res.json.error.fields)).toContain(field(ids));
    expect((await answer(owner().sessions[':id'].$get({ param: { id: session.id } }))).session.selfScore).toBeNull();
  });
});

function all(ids: string[], rating: number) {
  return Object.fromEntries(ids.map((id) => [id, rating]));
}

describe('replay snapshots', () => {
  it('snapshots at most every 30 s of typing, and at every phase change and at submit', async () => {
    const session = await startSession();
    const save = (revision: number, design: string) => api.saveDesign(session.id, revision, design);
    await save(0, 'v1');
    await save(1, 'v2');
    const param = { id: session.id };
    const snapshots = async () => (await answer(owner().sessions[':id'].snapshots.$get({ param }))).items;
    expect((await snapshots()).map((s) => s.notes.design)).toEqual(['v1']);
    await answer(owner().sessions[':id'].phases.$post({ param, json: { phaseId: 'estimation' } }));
    await answer(owner().sessions[':id'].submit.$post({ param }));
    const items = await snapshots();
    expect(items.map((s) => [s.phaseId, s.notes.design])).toEqual([
      ['requirements', 'v1'],
      ['estimation', 'v2'],
      ['estimation', 'v2']
    ]);
    expect(items[0]!.scene.elements[0]).toMatchObject({ id: 'a', version: 1 });
    expect((await reply(api.stranger.api.sessions[':id'].snapshots.$get({ param }))).status).toBe(404);
  });
});
