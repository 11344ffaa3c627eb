import { describe, expect, it } from 'vitest';
import { textEdit } from './text-edit.ts';

/** What an editor holds after applying the edit. */
const apply = (current: string, next: string) => {
  const edit = textEdit(current, next);
  return edit ? current.slice(0, edit.start) + edit.text + current.slice(edit.end) : current;
};

describe('textEdit', () => {
  it.each([
    { name: 'nothing differs', current: 'abc', next: 'abc', edit: null },
    {
      name: 'text added at the top',
      current: 'x = 1',
      next: '// t\nx = 1',
      edit: { start: 0, end: 0, text: '// t\n' }
    },
    { name: 'text added at the end', current: 'x = 1', next: 'x = 1\ny', edit: { start: 5, end: 5, text: '\ny' } },
    { name: 'a middle replaced', current: 'a 1 b', next: 'a 22 b', edit: { start: 2, end: 3, text: '22' } },
    { name: 'a repeated letter removed', current: 'aaa', next: 'aa', edit: { start: 2, end: 3, text: '' } },
    { name: 'all replaced', current: 'abc', next: 'xyz', edit: { start: 0, end: 3, text: 'xyz' } }
  ])('$name', ({ current, next, edit }) => {
    expect(textEdit(current, next)).toEqual(edit);
    expect(apply(current, next)).toBe(next);
  });
});
