import { describe, expect, it } from 'vitest';
import { HOLD_MS, SpeakingDetector } from './speaking.ts';

/** Feeds readings 100 ms apart (as the level meter takes them) and returns what the detector answered to each. */
function feed(levels: number[], detector = new SpeakingDetector()): boolean[] {
  return levels.map((level, i) => detector.update(level, i * 100));
}

const quiet = (n: number, level = 0.001) => Array<number>(n).fill(level);

describe('SpeakingDetector', () => {
  it('stays dark in silence and in a steady background noise', () => {
    expect(feed(quiet(30)).some(Boolean)).toBe(false);
    expect(feed(quiet(30, 0.02)).some(Boolean)).toBe(false);
  });

  it('lights through quiet speech with gaps between words, where a fixed 0.02 threshold mostly missed it', () => {
    // A quiet microphone: syllables at RMS 0.008–0.015, short gaps at the floor.
    const speech = [0.012, 0.004, 0.015, 0.008, 0.002, 0.002, 0.011, 0.009, 0.002, 0.014, 0.002, 0.002, 0.01];
    const lit = feed([...quiet(10), ...speech]).slice(10);
    expect(lit.every(Boolean)).toBe(true);
    expect(speech.filter((level) => level > 0.02)).toEqual([]);
  });

  it('goes dark once the voice has been quiet for the hold time', () => {
    const answers = feed([...quiet(5), 0.05, ...quiet(15)]);
    const lastLit = answers.lastIndexOf(true);
    expect((lastLit - 5) * 100).toBe(HOLD_MS);
    expect(answers.slice(lastLit + 1).some(Boolean)).toBe(false);
  });

  it('lights for speech over a noisy room, not for the room', () => {
    const answers = feed([...quiet(20, 0.02), 0.09, 0.02, 0.08]);
    expect(answers.slice(0, 20).some(Boolean)).toBe(false);
    expect(answers.slice(20).every(Boolean)).toBe(true);
  });

  it('starts afresh after a reset', () => {
    const detector = new SpeakingDetector();
    feed([0.05], detector);
    detector.reset();
    expect(detector.update(0.001, 50)).toBe(false);
  });
});
