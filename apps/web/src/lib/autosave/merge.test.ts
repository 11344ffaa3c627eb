import { describe, expect, it } from 'vitest';
import { changedNotes, CONFLICT_MARKER, joinedFields, mergeNotes, mergeNotice, mergeScenes } from './merge.ts';

describe('mergeNotes', () => {
  it.each([
    { name: 'only ours changed', base: 'a', ours: 'ab', theirs: 'a', result: 'ab' },
    { name: 'only theirs changed', base: 'a', ours: 'a', theirs: 'ac', result: 'ac' },
    { name: 'both made the same change', base: 'a', ours: 'ab', theirs: 'ab', result: 'ab' },
    { name: 'theirs extends ours', base: 'a', ours: 'ab', theirs: 'abc', result: 'abc' },
    { name: 'ours extends theirs', base: 'a', ours: 'abc', theirs: 'ab', result: 'abc' },
    {
      name: 'both changed differently',
      base: 'a',
      ours: 'a ours',
      theirs: 'a theirs',
      result: `a ours${CONFLICT_MARKER}a theirs`
    },
    { name: 'new on both sides', base: undefined, ours: 'x', theirs: 'y', result: `x${CONFLICT_MARKER}y` }
  ])('$name', ({ base, ours, theirs, result }) => {
    expect(mergeNotes({ design: base }, { design: ours }, { design: theirs }).design).toBe(result);
  });

  it('keeps fields only one side has', () => {
    expect(mergeNotes({}, { functional: 'f' }, { estimates: 'e' })).toEqual({ functional: 'f', estimates: 'e' });
  });
});

describe('mergeScenes', () => {
  const el = (id: string, version: number, x = 0) => ({ id, type: 'rectangle', version, x });

  it('unions elements by id, the higher version winning, and unions files', () => {
    const merged = mergeScenes(
      { elements: [el('a', 2, 1), el('b', 1)], files: { f1: { id: 'f1' } } },
      { elements: [el('a', 3, 9), el('c', 1)], files: { f2: { id: 'f2' } } }
    );
    expect(merged.elements).toEqual([el('a', 3, 9), el('c', 1), el('b', 1)]);
    expect(Object.keys(merged.files ?? {}).sort()).toEqual(['f1', 'f2']);
  });
});

describe('changedNotes', () => {
  it('lists changed fields, cleared ones as empty strings', () => {
    expect(changedNotes({ design: 'a', estimates: 'e' }, { design: 'ab', functional: 'f' })).toEqual({
      design: 'ab',
      estimates: '',
      functional: 'f'
    });
  });
});

describe('joinedFields and mergeNotice', () => {
  it('name only the fields a merge had to join, and say what to do', () => {
    const ours = { functional: 'ours', design: 'same' };
    const theirs = { functional: 'theirs', design: 'same', estimates: 'only theirs' };
    const merged = mergeNotes({ design: 'same' }, ours, theirs);
    expect(joinedFields(ours, theirs, merged)).toEqual(['functional']);
    expect(mergeNotice(['functional'])).toMatch(/^Another window also changed Functional requirements\. Both versions/);
    expect(mergeNotice([])).toBe('');
  });

  it('does not report a join that was already there before this merge', () => {
    const earlier = `a${CONFLICT_MARKER}b`;
    expect(joinedFields({ design: earlier }, { design: earlier }, { design: earlier })).toEqual([]);
  });
});
