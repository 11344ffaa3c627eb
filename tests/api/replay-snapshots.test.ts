/** The replay's steps over HTTP on the real database: a changing board is kept every 5 s, notes alone every 30 s. */
import { expect, it } from 'vitest';
import { designFixture } from '../support/fixtures.ts';
import { useSessionApi } from '../support/session-api.ts';

let clockMs = 0;
const api = useSessionApi({
  questions: [designFixture],
  app: { allowShortSessions: true, now: () => new Date(Date.now() + clockMs) }
});

it('keeps a snapshot every 5 s while the board changes and every 30 s while only the notes do', async () => {
  const session = await api.startSession();
  let revision = 0;
  const snapshots = async () =>
    (await api.owner.request('GET', `/api/sessions/${session.id}/snapshots`)).json.items.map(
      (s: { notes: { design?: string }; scene: { elements: unknown[] } }) => [s.notes.design, s.scene.elements.length]
    );
  /** A save at `atMs` on the server's clock: with `shapes` on the board, or the notes alone. */
  const saveAt = async (atMs: number, design: string, shapes?: number) => {
    clockMs = atMs;
    const res = await api.owner.request('PATCH', `/api/sessions/${session.id}/work`, {
      revision,
      notes: { design },
      ...(shapes === undefined
        ? {}
        : {
            scene: {
              elements: Array.from({ length: shapes }, (_, i) => ({ id: `r${i}`, type: 'rectangle', version: 1 }))
            }
          })
    });
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
