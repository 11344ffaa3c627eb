import { describe, expect, it } from 'vitest';
import { actionsOf, layoutOf } from './layout-edit.ts';

const units = ['w01', 'w02', 'w03', 'w04', 'w05'];

describe('editing a proposed plan', () => {
  it('reads a layout as actions and writes the same layout back', () => {
    const layout = { slots: [['w02', 'w03'], ['w05']], skipped: ['w01', 'w04'] };
    const actions = actionsOf(units, layout);
    expect(actions).toEqual({ w01: 'skip', w02: 'keep', w03: 'merge', w04: 'skip', w05: 'keep' });
    expect(layoutOf(units, actions)).toEqual(layout);
  });

  it('opens a slot for a merge with nothing before it, and merges across a skipped unit', () => {
    expect(layoutOf(units, { w01: 'merge', w02: 'merge', w03: 'skip', w04: 'merge', w05: 'keep' })).toEqual({
      slots: [['w01', 'w02', 'w04'], ['w05']],
      skipped: ['w03']
    });
  });
});
