import { describe, expect, it } from 'vitest';
import {
  changedNotes,
  CONFLICT_MARKER,
  joinedFields,
  mergeNotes,
  mergeNotice,
  mergeScenes,
  mergeText
} from './merge.ts';

describe('mergeText (base = what this tab last saved, ours = the editor now, theirs = the server)', () => {
  const code = (...rows: string[]) => rows.join('\n');
  it.each([
    { name: 'nobody else changed it', base: 'a', ours: 'ab', theirs: 'a', text: 'ab', clean: true },
    { name: 'only theirs changed', base: 'a', ours: 'a', theirs: 'ac', text: 'ac', clean: true },
    {
      name: 'our own earlier save came back as theirs',
      base: 'f',
      ours: 'func',
      theirs: 'fu',
      text: 'func',
      clean: true
    },
    {
      name: 'different lines changed on each side: both kept',
      base: code('function f() {', '  return 1;', '}'),
      ours: code('function f() {', '  return 1;', '}', '// mine'),
      theirs: code('// theirs', 'function f() {', '  return 1;', '}'),
      text: code('// theirs', 'function f() {', '  return 1;', '}', '// mine'),
      clean: true
    },
    {
      name: 'the same line changed differently: ours kept, not clean',
      base: code('let x = 1;', 'f(x);'),
      ours: code('let x = 2;', 'f(x);'),
      theirs: code('let x = 3;', 'f(x);'),
      text: code('let x = 2;', 'f(x);'),
      clean: false
    },
    {
      name: 'both made the same change',
      base: code('a', 'b'),
      ours: code('a', 'B', 'c'),
      theirs: code('a', 'B'),
      text: code('a', 'B', 'c'),
      clean: true
    }
  ])('$name', ({ base, ours, theirs, text, clean }) => {
    expect(mergeText(base, ours, theirs)).toEqual({ text, clean });
  });
});

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
    expect(mergeNotes({ design: base }, { design: ours }, { design: theirs }).notes.design).toBe(result);
  });

  it('keeps fields only one side has', () => {
    expect(mergeNotes({}, { functional: 'f' }, { estimates: 'e' }).notes).toEqual({ functional: 'f', estimates: 'e' });
  });

  it('keeps code this tab emptied as empty, not missing (the page would show the starter code)', () => {
    expect(
      mergeNotes({ codeTypescript: 'x' }, { codeTypescript: '' }, { codeTypescript: 'x', estimates: 'e' }).notes
    ).toEqual({ codeTypescript: '', estimates: 'e' });
  });

  it('never writes the marker into code: ours stays, theirs becomes a choice', () => {
    const { notes, choices } = mergeNotes(
      { codeTypescript: 'let a = 1;' },
      { codeTypescript: 'let a = 2;' },
      { codeTypescript: 'let a = 3;' }
    );
    expect(notes.codeTypescript).toBe('let a = 2;');
    expect(choices).toEqual([{ field: 'codeTypescript', theirs: 'let a = 3;' }]);
  });

  it('merges code changed in different lines without asking', () => {
    const { notes, choices } = mergeNotes(
      { codePython: 'a\nb\nc' },
      { codePython: 'A\nb\nc' },
      { codePython: 'a\nb\nC' }
    );
    expect(notes.codePython).toBe('A\nb\nC');
    expect(choices).toEqual([]);
  });

  it('keeps this tab’s language when both picked one', () => {
    expect(mergeNotes({ language: 'typescript' }, { language: 'python' }, { language: 'javascript' }).notes).toEqual({
      language: 'python'
    });
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
    const merged = mergeNotes({ design: 'same' }, ours, theirs).notes;
    expect(joinedFields(ours, theirs, merged)).toEqual(['functional']);
    expect(mergeNotice(['functional'])).toMatch(/^Another window also changed Functional requirements\. Both versions/);
    expect(mergeNotice([])).toBe('');
  });

  it('does not report a join that was already there before this merge', () => {
    const earlier = `a${CONFLICT_MARKER}b`;
    expect(joinedFields({ design: earlier }, { design: earlier }, { design: earlier })).toEqual([]);
  });
});
