import { ObjectId } from 'mongodb';
import { describe, expect, it } from 'vitest';
import type { SessionDoc, SignedInUser } from '../../db/client.ts';
import { createDraftAccess } from './draft-access.ts';

const user = { _id: new ObjectId(), name: 'Cara' } as SignedInUser;

/** Draft access over a read the test answers by hand (`answer`), on a clock the test moves. */
function access() {
  let t = 0;
  const reads: { resolve: (revision: number) => void; reject: (error: Error) => void }[] = [];
  const cache = createDraftAccess(
    () =>
      new Promise((resolve, reject) =>
        reads.push({ resolve: (revision) => resolve({ doc: { revision } as SessionDoc, role: 'owner' }), reject })
      ),
    () => t,
    { freshMs: 3000, maxAgeMs: 10_000 }
  );
  const get = () => cache.get(user, 'session-1').then((place) => place.doc.revision);
  return { get, reads, at: (ms: number) => (t = ms) };
}

describe('createDraftAccess', () => {
  it('reads once, answers from memory while fresh, then reads again in the background while the answer serves', async () => {
    const { get, reads, at } = access();
    const first = get();
    reads[0]!.resolve(1);
    expect(await first).toBe(1);
    at(2999);
    expect(await get()).toBe(1);
    expect(reads).toHaveLength(1);
    // Three seconds old: answered at once from memory, one read in the background however many drafts come.
    at(3000);
    expect(await get()).toBe(1);
    expect(await get()).toBe(1);
    expect(reads).toHaveLength(2);
    reads[1]!.resolve(2);
    await Promise.resolve();
    expect(await get()).toBe(2);
  });

  it('waits for the read once the answer is ten seconds old, and refuses after a background read refused', async () => {
    const { get, reads, at } = access();
    const first = get();
    reads[0]!.resolve(1);
    await first;
    at(10_000);
    const waiting = get();
    expect(reads).toHaveLength(2);
    reads[1]!.resolve(2);
    expect(await waiting).toBe(2);
    // The session went away: the background read is refused, and the next draft reads and is refused too.
    at(13_000);
    expect(await get()).toBe(2);
    reads[2]!.reject(new Error('That session was not found'));
    await new Promise((resolve) => setTimeout(resolve, 0));
    const next = get();
    expect(reads).toHaveLength(4);
    reads[3]!.reject(new Error('That session was not found'));
    await expect(next).rejects.toThrow('not found');
  });
});
