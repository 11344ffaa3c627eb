/**
 * Drafts merged into one: the relay sends each room's latest per tick, and a room's drafts of one tick may carry
 * different fields and shapes (the browser sends only what changed), so none may be lost in the merge.
 */
import type { DraftBody } from '@mockloop/contracts';

type Element = NonNullable<DraftBody['elements']>[number];

/** One draft saying what `earlier` then `later` said: later fields and shapes win; a shape removed later is gone. */
export function mergeDrafts(earlier: DraftBody, later: DraftBody): DraftBody {
  const merged: DraftBody = {};
  if (earlier.notes || later.notes) merged.notes = { ...earlier.notes, ...later.notes };
  const removedLater = new Set(later.removedIds ?? []);
  const elements = new Map<string, Element>();
  for (const element of earlier.elements ?? []) if (!removedLater.has(element.id)) elements.set(element.id, element);
  for (const element of later.elements ?? []) elements.set(element.id, element);
  if (earlier.elements || later.elements) merged.elements = [...elements.values()];
  if (earlier.removedIds || later.removedIds) {
    merged.removedIds = [...new Set([...(earlier.removedIds ?? []), ...(later.removedIds ?? [])])];
  }
  return merged;
}
