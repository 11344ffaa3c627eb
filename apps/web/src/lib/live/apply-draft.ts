/** The interviewer's copy of the candidate's work, moved forward by a draft: newer shapes replace older ones. */
import type { DesignNotes, Scene } from '@mockloop/contracts';

type Element = Scene['elements'][number];

const version = (element: Element) => Number((element as { version?: number }).version ?? 0);

export function applyDraftElements(current: Element[], changed: Element[] = [], removedIds: string[] = []): Element[] {
  const removed = new Set(removedIds);
  const byId = new Map(current.filter((e) => !removed.has(e.id)).map((e) => [e.id, e]));
  for (const element of changed) {
    const known = byId.get(element.id);
    // A late draft never undoes a newer edit.
    if (!known || version(element) >= version(known)) byId.set(element.id, element);
  }
  return [...byId.values()];
}

export function applyDraftNotes(current: DesignNotes, changed: DesignNotes = {}): DesignNotes {
  return { ...current, ...changed };
}
