import { describe, expect, it } from 'vitest';
import { LEADERSHIP_THEME_IDS, LEADERSHIP_THEMES, leadershipThemeName } from './leadership-themes.ts';
import { isTracedToSeed } from './seed-index.ts';

describe('leadership themes', () => {
  it('lists every theme once, each named and traced to a place in its roadmap', () => {
    expect(LEADERSHIP_THEMES.map((t) => t.id)).toEqual([...LEADERSHIP_THEME_IDS]);
    for (const theme of LEADERSHIP_THEMES) {
      expect(isTracedToSeed(theme.source), `${theme.id}: ${theme.source.section}`).toBe(true);
      expect(leadershipThemeName(theme.id)).toBe(theme.name);
    }
  });
});
