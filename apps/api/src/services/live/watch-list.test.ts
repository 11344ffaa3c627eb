import { ObjectId } from 'mongodb';
import { describe, expect, it } from 'vitest';
import { createWatchList } from './watch-list.ts';

/** A watch list over a presence query that counts its calls, on a clock the test moves. */
function list(watched: ObjectId[]) {
  let t = 0;
  const calls = { looks: 0 };
  const watchList = createWatchList(
    {
      watchedSessions: async () => {
        calls.looks += 1;
        return new Set(watched.map((id) => id.toHexString()));
      }
    },
    () => new Date(t)
  );
  return { watchList, calls, at: (ms: number) => (t = ms), watched };
}

describe('watching', () => {
  it('looks again before saying no when the list is older than asked, once for many asking at once', async () => {
    const room = new ObjectId();
    const { watchList, calls, at, watched } = list([]);
    expect(await watchList.watching(room, 250)).toBe(false);
    expect(calls.looks).toBe(1);
    at(100);
    expect(await watchList.watching(room, 250)).toBe(false);
    expect(calls.looks).toBe(1);
    // An interviewer joined through another instance: the next answer older than 250 ms looks again.
    watched.push(room);
    at(300);
    expect(await Promise.all([1, 2, 3].map(() => watchList.watching(room, 250)))).toEqual([true, true, true]);
    expect(calls.looks).toBe(2);
    at(400);
    expect(await watchList.watching(room, 250)).toBe(true);
    expect(calls.looks).toBe(2);
  });
});
