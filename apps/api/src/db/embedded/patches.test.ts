import { describe, expect, it } from 'vitest';
import { applySourcePatch, type SourcePatch } from './patches.ts';

const patch: SourcePatch = { file: 'x.go', why: 'test', edits: [{ find: 'a := 1', replace: 'a := 2' }] };

describe('applySourcePatch', () => {
  it('replaces the text an edit names', () => {
    expect(applySourcePatch('x\na := 1\ny', patch)).toBe('x\na := 2\ny');
  });

  it.each([
    ['missing', 'b := 1', /occurs nowhere/],
    ['repeated', 'a := 1\na := 1', /occurs more than once/]
  ])('refuses a source where the text is %s', (_, source, message) => {
    expect(() => applySourcePatch(source, patch)).toThrow(message);
  });
});
