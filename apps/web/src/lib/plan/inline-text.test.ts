import { describe, expect, it } from 'vitest';
import { inlineParts } from './inline-text.ts';

describe('a task as inline parts', () => {
  it('splits code, bold and links from plain text, and keeps markup in plain text as text', () => {
    expect(inlineParts('Guided LC: **LC-217** in `arrays.py` 🔗 <https://x.example/a> <b>')).toEqual([
      { text: 'Guided LC: ', kind: 'text' },
      { text: 'LC-217', kind: 'bold' },
      { text: ' in ', kind: 'text' },
      { text: 'arrays.py', kind: 'code' },
      { text: ' 🔗 ', kind: 'text' },
      { text: 'https://x.example/a', kind: 'link' },
      { text: ' <b>', kind: 'text' }
    ]);
  });
});
