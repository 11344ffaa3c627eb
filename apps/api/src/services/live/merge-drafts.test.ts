import type { DraftBody } from '@mockloop/contracts';
import { describe, expect, it } from 'vitest';
import { mergeDrafts } from './merge-drafts.ts';

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
