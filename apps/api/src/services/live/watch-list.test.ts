import { ObjectId } from 'mongodb';
import { describe, expect, it } from 'vitest';
import { createWatchList } from './watch-list.ts';

type Stream = { sessionId: string; role: 'candidate' | 'interviewer'; instance: string | null };

/** A watch list on instance "a" over the open streams `open`, counting its looks, on a clock the test moves. */
function list(open: Stream[] = []) {
  let t = 0;
  const calls = { looks: 0 };
  const watchList = createWatchList(
    {
      openStreams: async () => {
        calls.looks += 1;
        return [...open];
      }
    },
    () => new Date(t),
    'a'
  );
  return { watchList, calls, at: (ms: number) => (t = ms), open };
}

describe('elsewhere', () => {
  it('answers "nobody elsewhere" only from a look begun after what asks arrived, looking at most every 250 ms', async () => {
    const room = new ObjectId();
    const id = room.toHexString();
    const { watchList, calls, at, open } = list([{ sessionId: id, role: 'candidate', instance: 'a' }]);
    expect(await watchList.elsewhere(room, 0, 250)).toEqual({ interviewer: false, member: false });
    expect(calls.looks).toBe(1);
    // A draft that arrived at 100 ms: the look of 0 ms began before it, and the next may not begin before 250 ms.
    at(100);
    expect(await watchList.elsewhere(room, 100, 250)).toBeNull();
    expect(await watchList.elsewhere(room, 0, 250)).toEqual({ interviewer: false, member: false });
    expect(calls.looks).toBe(1);
    // An interviewer joined through instance b before the draft: the look at 250 ms sees them, once for many asking.
    open.push({ sessionId: id, role: 'interviewer', instance: 'b' });
    at(250);
    const answers = await Promise.all([1, 2, 3].map(() => watchList.elsewhere(room, 100, 250)));
    expect(answers).toEqual(Array(3).fill({ interviewer: true, member: true }));
    expect(calls.looks).toBe(2);
    // Both known: no look until the list is a second old (then in the background).
    at(400);
    expect(await watchList.elsewhere(room, 400, 250)).toEqual({ interviewer: true, member: true });
    expect(calls.looks).toBe(2);
  });

  it.each<[string, Stream[], { interviewer: boolean; member: boolean }]>([
    [
      'everyone on this instance',
      [{ sessionId: 'S', role: 'interviewer', instance: 'a' }],
      { interviewer: false, member: false }
    ],
    [
      'the candidate elsewhere',
      [{ sessionId: 'S', role: 'candidate', instance: 'b' }],
      { interviewer: false, member: true }
    ],
    [
      'an interviewer elsewhere',
      [{ sessionId: 'S', role: 'interviewer', instance: 'b' }],
      { interviewer: true, member: true }
    ],
    [
      'a stream that does not say where',
      [{ sessionId: 'S', role: 'interviewer', instance: null }],
      { interviewer: true, member: true }
    ],
    [
      'another room elsewhere only',
      [{ sessionId: 'T', role: 'interviewer', instance: 'b' }],
      { interviewer: false, member: false }
    ]
  ])('%s', async (_name, streams, expected) => {
    const room = new ObjectId();
    const ids: Record<string, string> = { S: room.toHexString(), T: new ObjectId().toHexString() };
    const { watchList } = list(streams.map((s) => ({ ...s, sessionId: ids[s.sessionId]! })));
    expect(await watchList.elsewhere(room, 0, 250)).toEqual(expected);
  });
});
