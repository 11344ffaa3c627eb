/**
 * A wall-clock time in an IANA time zone as an instant, with the runtime's own zone data (Intl): a slot is published
 * as the person reads their clock, stored in UTC, and shown back in each person's zone.
 */

/** The zone's offset from UTC at `instant`, in minutes (Europe/Berlin in winter: 60). */
export function offsetMinutes(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit'
  }).formatToParts(new Date(instant));
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
  return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / 60_000);
}

/**
 * The instant `local` (YYYY-MM-DDTHH:mm) names in `timeZone`; null for a time the zone skips (the hour clocks
 * spring forward over). A time that occurs twice (the hour clocks fall back over) is its first occurrence.
 *
 * @example
 * localToInstant('2026-03-08T09:00', 'America/New_York') // 13:00 UTC (EDT, the day DST begins)
 */
export function localToInstant(local: string, timeZone: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!match) return null;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  // Either offset around the wall time may be the one in force; the earlier instant first (a repeated hour).
  const offsets = [offsetMinutes(wall - 86_400_000, timeZone), offsetMinutes(wall + 86_400_000, timeZone)];
  const candidates = [...new Set(offsets)]
    .map((offset) => wall - offset * 60_000)
    .sort((a, b) => a - b)
    .filter((instant) => instant + offsetMinutes(instant, timeZone) * 60_000 === wall);
  return candidates[0] ?? null;
}

/** The wall-clock date-time of `instant` in `timeZone`, as YYYY-MM-DDTHH:mm. */
export function instantToLocal(instant: number, timeZone: string): string {
  return new Date(instant + offsetMinutes(instant, timeZone) * 60_000).toISOString().slice(0, 16);
}
