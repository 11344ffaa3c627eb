/** The room's record as the result page lists it: every chat message, note, run and reveal, in the order they came. */
import type { RoomItem } from '@mockloop/contracts';

export interface RoomLogLine {
  item: RoomItem;
  /** Who, and what kind of line it is: "Ana", "Ana's note", "Ana asked a follow-up", "Ana gave a hint". */
  label: string;
}

function labelOf(item: RoomItem): string {
  if (item.kind === 'note') return `${item.authorName}'s note`;
  if (item.kind === 'reveal') {
    return item.reveal?.kind === 'hint' ? `${item.authorName} gave a hint` : `${item.authorName} asked a follow-up`;
  }
  return item.authorName;
}

/**
 * The room's items in time order. The room is read a page at a time with every reveal on the newest page, so the
 * pages put together are not in order until sorted; ties keep the order they came in.
 */
export function roomLogLines(items: readonly RoomItem[]): RoomLogLine[] {
  return items
    .map((item, i) => ({ item, i }))
    .sort((x, y) => Date.parse(x.item.at) - Date.parse(y.item.at) || x.i - y.i)
    .map(({ item }) => ({ item, label: labelOf(item) }));
}
