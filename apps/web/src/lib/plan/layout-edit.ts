/**
 * The plan page's edit of a proposed layout: each unit kept in its own slot, merged into the slot before it, or
 * skipped; and back to the slots and skipped units the API takes.
 */
export type UnitAction = 'keep' | 'merge' | 'skip';

export interface Layout {
  slots: string[][];
  skipped: string[];
}

/** Each unit's action in a layout, in the roadmap's order. */
export function actionsOf(units: readonly string[], layout: Layout): Record<string, UnitAction> {
  const actions: Record<string, UnitAction> = {};
  for (const key of units) actions[key] = 'skip';
  for (const slot of layout.slots) slot.forEach((key, i) => (actions[key] = i === 0 ? 'keep' : 'merge'));
  return actions;
}

/** The layout the actions make: a merged unit joins the slot before it (the first unit kept always opens one). */
export function layoutOf(units: readonly string[], actions: Readonly<Record<string, UnitAction>>): Layout {
  const slots: string[][] = [];
  const skipped: string[] = [];
  for (const key of units) {
    const action = actions[key] ?? 'keep';
    if (action === 'skip') skipped.push(key);
    else if (action === 'merge' && slots.length > 0) slots.at(-1)!.push(key);
    else slots.push([key]);
  }
  return { slots, skipped };
}
