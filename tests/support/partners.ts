/** Practice-partner tests' set-up: a clock the test moves, and slots published at a wall time in a zone. */
import { instantToLocal } from '../../apps/api/src/services/partners/local-time.ts';

/** The server's clock, moved by the test: real time plus an offset, so timers and expiries keep running. */
export function movableClock() {
  let offsetMs = 0;
  return {
    now: () => new Date(Date.now() + offsetMs),
    /** Moves the clock so that it reads `at` now. */
    setTo(at: number) {
      offsetMs = at - Date.now();
    },
    advance(ms: number) {
      offsetMs += ms;
    }
  };
}

/** A quarter hour `days` from now, at `hourUtc`:`minute` UTC, in ms. */
export function upcoming(days: number, hourUtc: number, minute = 0): number {
  const day = new Date(Date.now() + days * 86_400_000);
  return Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), hourUtc, minute);
}

/** What a person in `timeZone` types for the instant `at` (YYYY-MM-DDTHH:mm). */
export const localIn = (at: number, timeZone: string) => instantToLocal(at, timeZone);
