import { describe, expect, it } from 'vitest';
import { rubricForDuration, sayMinutes } from './duration.ts';
import { systemDesignMock } from './rubrics/system-design-mock.ts';

describe('sayMinutes', () => {
  it.each([
    ['Paces the 60 minutes across phases.', 45, 'Paces the 45 minutes across phases.'],
    ['System design mock (60 minutes)', 90, 'System design mock (90 minutes)'],
    ['A 60-minute design', 45, 'A 45-minute design'],
    ['Finishes in 160 minutes or 60 seconds', 45, 'Finishes in 160 minutes or 60 seconds']
  ])('%s at %i min', (text, minutes, expected) => {
    expect(sayMinutes(text, minutes)).toBe(expected);
  });
});

describe('rubricForDuration', () => {
  it('speaks of a 45-minute session everywhere the rubric named 60 minutes, and changes nothing else', () => {
    const adapted = rubricForDuration(systemDesignMock, 45);
    expect(adapted.title).toBe('System design mock (45 minutes)');
    expect(JSON.stringify(adapted)).not.toMatch(/\b60( |-)minute/);
    expect(adapted.criteria.map((c) => [c.id, c.weight])).toEqual(
      systemDesignMock.criteria.map((c) => [c.id, c.weight])
    );
  });

  it('returns the rubric itself for the length it was written for', () => {
    expect(rubricForDuration(systemDesignMock, 60)).toBe(systemDesignMock);
  });
});
