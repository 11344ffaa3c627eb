import type { RoomItem } from '@mockloop/contracts';
import { describe, expect, it } from 'vitest';
import { roomLogLines } from './room-log.ts';

const start = Date.parse('2026-01-01T10:00:00Z');
function item(kind: RoomItem['kind'], minute: number, text: string, reveal: RoomItem['reveal'] = null): RoomItem {
  return {
    id: `${kind}-${minute}`,
    kind,
    authorName: kind === 'run' || kind === 'chat' ? 'Cat' : 'Ivan',
    authorRole: kind === 'run' || kind === 'chat' ? 'candidate' : 'interviewer',
    text,
    reveal,
    at: new Date(start + minute * 60_000).toISOString(),
    minute
  };
}

describe('roomLogLines', () => {
  it('lists the reveals with the chat and notes, saying what the interviewer revealed, in time order', () => {
    // As the pages arrive: an earlier page's chat first, then the newest page with every reveal at its end.
    const items = [
      item('chat', 3, 'Shall I start with the API?'),
      item('note', 12, 'Good estimates'),
      item('chat', 40, 'Done'),
      item('reveal', 25, 'How would you shard it?', { kind: 'followUp', index: 0 }),
      item('reveal', 30, 'Think about a cache in front', { kind: 'hint', index: 1 })
    ];
    expect(roomLogLines(items).map((l) => [Math.round(l.item.minute), l.label, l.item.text])).toEqual([
      [3, 'Cat', 'Shall I start with the API?'],
      [12, "Ivan's note", 'Good estimates'],
      [25, 'Ivan asked a follow-up', 'How would you shard it?'],
      [30, 'Ivan gave a hint', 'Think about a cache in front'],
      [40, 'Cat', 'Done']
    ]);
  });

  it('keeps items of one moment in the order they came', () => {
    const a = item('chat', 5, 'first');
    const b = { ...item('chat', 5, 'second'), id: 'chat-5b' };
    expect(roomLogLines([a, b]).map((l) => l.item.text)).toEqual(['first', 'second']);
  });
});
