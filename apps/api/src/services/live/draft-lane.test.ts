import type { DraftBody } from '@mockloop/contracts';
import { ObjectId } from 'mongodb';
import { describe, expect, it } from 'vitest';
import { createDraftLane, mergeDrafts } from './draft-lane.ts';

type Element = NonNullable<DraftBody['elements']>[number];
const shape = (id: string, version: number) => ({ id, version, type: 'rectangle' }) as unknown as Element;

describe('mergeDrafts', () => {
  it.each<[string, DraftBody, DraftBody, DraftBody]>([
    [
      'later text of a field wins',
      { notes: { design: 'a' } },
      { notes: { design: 'ab' } },
      { notes: { design: 'ab' } }
    ],
    [
      'fields from both are kept',
      { notes: { design: 'a' } },
      { notes: { functional: 'f' } },
      { notes: { design: 'a', functional: 'f' } }
    ],
    [
      'a later version of a shape replaces the earlier',
      { elements: [shape('x', 1), shape('y', 1)] },
      { elements: [shape('x', 2)] },
      { elements: [shape('x', 2), shape('y', 1)] }
    ],
    [
      'a shape drawn then removed is removed',
      { elements: [shape('x', 1)] },
      { removedIds: ['x'] },
      { elements: [], removedIds: ['x'] }
    ],
    [
      'a shape removed then drawn again is there',
      { removedIds: ['x'] },
      { elements: [shape('x', 3)] },
      { elements: [shape('x', 3)], removedIds: ['x'] }
    ],
    [
      'notes and shapes together',
      { notes: { design: 'a' } },
      { elements: [shape('x', 1)] },
      { notes: { design: 'a' }, elements: [shape('x', 1)] }
    ]
  ])('%s', (_name, earlier, later, merged) => {
    expect(mergeDrafts(earlier, later)).toEqual(merged);
  });
});

describe('createDraftLane', () => {
  it('sends a draft at once, and those arriving while it is stored as one merged draft after it', async () => {
    const stored: DraftBody[] = [];
    let release!: () => void;
    const lane = createDraftLane(async (_id, body) => {
      stored.push(body);
      if (stored.length === 1) await new Promise<void>((resolve) => (release = resolve));
    });
    const sessionId = new ObjectId();
    const first = lane.send(sessionId, { notes: { design: 'a' } });
    const second = lane.send(sessionId, { notes: { design: 'ab' } });
    const third = lane.send(sessionId, { notes: { design: 'abc' } });
    expect(stored).toEqual([{ notes: { design: 'a' } }]);
    release();
    await Promise.all([first, second, third]);
    expect(stored).toEqual([{ notes: { design: 'a' } }, { notes: { design: 'abc' } }]);
    // Idle again: the next draft goes out on its own.
    await lane.send(sessionId, { notes: { design: 'abcd' } });
    expect(stored.at(-1)).toEqual({ notes: { design: 'abcd' } });
  });

  it('keeps sessions apart, and tells every sender of a merged draft that failed', async () => {
    let release!: () => void;
    const lane = createDraftLane(async (id, body) => {
      if (body.notes?.design === 'hold') await new Promise<void>((resolve) => (release = resolve));
      if (body.notes?.design === 'fail') throw new Error('database down');
      return id;
    });
    const one = new ObjectId();
    const held = lane.send(one, { notes: { design: 'hold' } });
    const failing = [lane.send(one, { notes: { design: 'x' } }), lane.send(one, { notes: { design: 'fail' } })];
    await lane.send(new ObjectId(), { notes: { design: 'elsewhere' } });
    release();
    await held;
    for (const sent of failing) await expect(sent).rejects.toThrow('database down');
  });
});
