/**
 * Whether a voice is speaking now, from its level (RMS, 0…1) a few times a second: what lights a speaker's dot.
 *
 * A threshold on each reading alone flickers and mostly misses: speech is syllables with short gaps, a reading is
 * a window of about 20 ms, and a quiet microphone with echo cancellation speaks at RMS 0.005–0.05. So the dot
 * lights on one reading clearly above the voice's own noise floor, and stays lit until the voice has been quiet for
 * HOLD_MS; the floor follows the quietest recent readings, so a noisy room does not keep it lit.
 */

/** The quietest a voice must rise to, whatever the floor (about −46 dBFS). */
export const MIN_SPEAKING_LEVEL = 0.005;
/** How far above its noise floor a reading must be to count as speech. */
export const ABOVE_FLOOR = 3;
/** How long the dot stays lit after the last loud reading (the gaps between words). */
export const HOLD_MS = 600;
/** How fast the floor rises towards louder readings (per reading); it falls to a quieter one at once. */
const FLOOR_RISE = 0.02;

export class SpeakingDetector {
  #floor: number | null = null;
  #lastLoudAt = -Infinity;

  /** Takes a reading at `nowMs` and answers whether the voice is speaking. */
  update(level: number, nowMs: number): boolean {
    const floor = this.#floor ?? level;
    const threshold = Math.max(MIN_SPEAKING_LEVEL, floor * ABOVE_FLOOR);
    if (level >= threshold) this.#lastLoudAt = nowMs;
    // The floor: down to any quieter reading at once, up only slowly (speech must not become the floor).
    this.#floor = level < floor ? level : floor + (level - floor) * FLOOR_RISE;
    return nowMs - this.#lastLoudAt <= HOLD_MS;
  }

  reset(): void {
    this.#floor = null;
    this.#lastLoudAt = -Infinity;
  }
}
