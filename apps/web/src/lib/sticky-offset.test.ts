import { describe, expect, it } from 'vitest';
import { paddingFor } from './sticky-offset.ts';

describe('paddingFor', () => {
  it.each([
    ['sticky', 159.4, '168px'],
    ['fixed', 40, '48px'],
    ['static', 159.4, ''],
    ['relative', 40, '']
  ])('a %s bar %f px tall asks for %j', (position, height, padding) => {
    expect(paddingFor(position, height)).toBe(padding);
  });
});
