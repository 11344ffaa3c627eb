/** The replay's steps over HTTP on the real database: a changing board is kept every 5 s, notes alone every 30 s. */
import { expect, it } from 'vitest';
import { designFixture } from '../support/fixtures.ts';
import { answer, reply } from '../support/server.ts';
import { useSessionApi } from '../support/session-api.ts';

let clockMs = 0;
const api = useSessionApi({
  questions: [designFixture],
  app: { allowShortSessions: true, now: () => new Date(Date.now() + clockMs) }
});

it('keeps a snapshot every 5 s while the board changes and every 30 s while only the notes do', async () => {
  const session = await api.startSession();
  let revision = 0;
  const param = { id: session.id };
  const ofSession = api.owner.api.sessions[':id'];
  const snapshots = async () =>
    (await answer(ofSession.snapshots.$get({ param }))).items.map((s) => [
      'design' in s.notes ? s.notes.design : undefined,
      s.scene.elements.length
    ]);
  /** A save at `atMs` on the server's clock: with `shapes` on the board, or the notes alone. */
  const saveAt = async (atMs: number, design: string, shapes?: number) => {
    clockMs = atMs;
    const elements = Array.from({ length: shapes ?? 0 }, (_, i) => ({ id: `r${i}`, type: 'rectangle', version: 1 }));
    const json = { revision, notes: { design }, ...(shapes === undefined ? {} : { scene: { elements } }) };
    const res = await reply(ofSession.work.$patch({ param, json }));
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    revision = res.json.revision;
    // The list waits for the save's snapshot, so the next save sees it taken.
    return snapshots();
  };

  expect(await saveAt(0, 'one shape', 1)).toEqual([['one shape', 1]]);
  expect(await saveAt(3_000, 'two shapes', 2)).toHaveLength(1);
  expect(await saveAt(6_000, 'three shapes', 3)).toEqual([
    ['one shape', 1],
    ['three shapes', 3]
  ]);
  // Notes alone wait 30 s from the last snapshot.
  expect(await saveAt(12_000, 'typing')).toHaveLength(2);
  expect(await saveAt(30_000, 'still typing')).toHaveLength(2);
  expect(await saveAt(36_500, 'typed')).toEqual([
    ['one shape', 1],
    ['three shapes', 3],
    ['typed', 3]
  ]);
});
