import type { QuestionSummary } from '@mockloop/contracts';
import { describe, expect, it } from 'vitest';
import { pickPrompt, topicsAt } from './surprise.ts';

const prompt = (id: string, level: 'senior' | 'staff' | 'principal', tags: string[]): QuestionSummary => ({
  id,
  kind: 'design',
  title: id,
  level,
  tags,
  rubricId: 'system-design-mock',
  source: { file: 'seed.txt', section: 'Day 1' },
  version: 'v1'
});

const prompts = [
  prompt('a', 'senior', ['caching', 'storage']),
  prompt('b', 'staff', ['caching', 'llm']),
  prompt('c', 'staff', ['llm', 'rag']),
  prompt('d', 'principal', ['llm', 'cost'])
];

describe('topicsAt', () => {
  it('offers the tags that at least two prompts at the level share, alphabetically, with counts', () => {
    expect(topicsAt(prompts, '')).toEqual([
      { tag: 'caching', count: 2 },
      { tag: 'llm', count: 3 }
    ]);
    expect(topicsAt(prompts, 'staff')).toEqual([{ tag: 'llm', count: 2 }]);
    expect(topicsAt(prompts, 'principal')).toEqual([]);
  });
});

describe('pickPrompt', () => {
  it.each([
    [{ level: '', topic: '' }, 0.99, 'd'],
    [{ level: 'staff', topic: '' }, 0, 'b'],
    [{ level: 'staff', topic: '' }, 0.99, 'c'],
    [{ level: '', topic: 'caching' }, 0.99, 'b'],
    [{ level: 'staff', topic: 'llm' }, 0, 'b'],
    [{ level: 'principal', topic: 'llm' }, 0.5, 'd']
  ])('%o with random %d → %s', (filter, r, id) => {
    expect(pickPrompt(prompts, filter, () => r)?.id).toBe(id);
  });

  it('returns nothing when no prompt matches', () => {
    expect(pickPrompt(prompts, { level: 'senior', topic: 'llm' })).toBeUndefined();
  });
});
