import { describe, expect, it } from 'vitest';
import { applyDraftElements } from './apply-draft.ts';
import { sceneChanges } from './draft-sender.ts';

const el = (id: string, version: number) => ({ id, type: 'rectangle', version });

describe('sceneChanges', () => {
  it('sends new and edited shapes and the ids of removed ones, nothing unchanged', () => {
    const sent = new Map([
      ['a', 1],
      ['b', 2],
      ['gone', 1]
    ]);
    expect(sceneChanges(sent, [el('a', 1), el('b', 3), el('c', 1)])).toEqual({
      elements: [el('b', 3), el('c', 1)],
      removedIds: ['gone']
    });
    expect(sceneChanges(new Map([['a', 1]]), [el('a', 1)])).toEqual({});
  });
});

describe('applyDraftElements', () => {
  it('adds, replaces with newer versions, keeps newer ones over late drafts, and removes', () => {
    const current = [el('a', 2), el('b', 1), el('c', 1)];
    expect(applyDraftElements(current, [el('a', 1), el('b', 4), el('d', 1)], ['c'])).toEqual([
      el('a', 2),
      el('b', 4),
      el('d', 1)
    ]);
  });
});
