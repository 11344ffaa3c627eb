import { describe, expect, it } from 'vitest';
import { storedText, utf8Bytes } from './text.ts';

describe('utf8Bytes', () => {
  it.each([
    ['', 0],
    ['abc', 3],
    ['é', 2],
    ['€', 3],
    ['😀', 4],
    ['a😀é', 7]
  ])('%j is %i bytes, as Buffer counts', (text, bytes) => {
    expect(utf8Bytes(text)).toBe(bytes);
    expect(Buffer.byteLength(text, 'utf8')).toBe(bytes);
  });
});

describe('storedText', () => {
  const note = storedText(8, 'A note');
  it.each([
    ['plain text within the limit', 'abcdefgh', true],
    ['two emoji (8 bytes, 4 units)', '😀😀', true],
    ['three emoji: 6 units but 12 bytes', '😀😀😀', false],
    ['nine ASCII characters', 'abcdefghi', false],
    ['a NUL character', 'a\u0000b', false],
    ['a lone high surrogate', 'a\uD83D', false],
    ['a lone low surrogate', '\uDE00b', false]
  ])('%s → valid: %s', (_, text, valid) => {
    expect(note.safeParse(text).success).toBe(valid);
  });
});

describe('storedText’s message', () => {
  it('names the limit in bytes, with thousands separated, for too many characters and for too many bytes', () => {
    const note = storedText(10_000, 'A note');
    const messages = (text: string) => note.safeParse(text).error?.issues.map((issue) => issue.message);
    expect(messages('a'.repeat(10_001))).toContain('A note has at most 10,000 bytes');
    expect(messages('😀'.repeat(2_501))).toEqual(['A note has at most 10,000 bytes']);
  });
});
