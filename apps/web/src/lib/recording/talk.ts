/**
 * Talk evidence from a recording, pure: the audio's loudness per short window (RMS) → which windows were
 * spoken, then minutes spoken per phase and the longest silence. Windows not recorded (a gap between segments)
 * are neither speech nor silence.
 */

export const WINDOW_MS = 100;

/** One window's root-mean-square level of `samples` (mono, −1…1) from `from` for `length` samples. */
export function rms(samples: Float32Array, from: number, length: number): number {
  let sum = 0;
  const end = Math.min(samples.length, from + length);
  for (let i = from; i < end; i++) sum += samples[i]! * samples[i]!;
  return end > from ? Math.sqrt(sum / (end - from)) : 0;
}

/** The levels of consecutive windows of `samples` at `sampleRate`. */
export function levels(samples: Float32Array, sampleRate: number): number[] {
  const size = Math.max(1, Math.round((sampleRate * WINDOW_MS) / 1000));
  const out: number[] = [];
  for (let i = 0; i < samples.length; i += size) out.push(rms(samples, i, size));
  return out;
}

/** A segment's windows: where it starts (ms of the session) and its levels. */
export interface LevelTrack {
  startMs: number;
  levels: number[];
}

export interface PhaseSpan {
  id: string;
  name: string;
  startMs: number;
  endMs: number;
}

export interface TalkStats {
  phases: { id: string; name: string; spokenMinutes: number; recordedMinutes: number }[];
  spokenMinutes: number;
  /** The longest run of recorded silence, and where it began (ms of the session). */
  longestSilenceMs: number;
  longestSilenceAtMs: number;
}

/**
 * Speech is a window louder than `threshold` (RMS). A silence is a run of quiet recorded windows; a pause
 * shorter than a breath does not break speech into two.
 */
export function talkStats(tracks: readonly LevelTrack[], phases: readonly PhaseSpan[], threshold = 0.02): TalkStats {
  const windows = tracks.flatMap((t) =>
    t.levels.map((level, i) => ({ ms: t.startMs + i * WINDOW_MS, spoken: level > threshold }))
  );
  windows.sort((a, b) => a.ms - b.ms);
  let longestSilenceMs = 0;
  let longestSilenceAtMs = 0;
  let runStart: number | null = null;
  let previous: number | null = null;
  const endRun = (at: number) => {
    if (runStart !== null && at - runStart > longestSilenceMs) {
      longestSilenceMs = at - runStart;
      longestSilenceAtMs = runStart;
    }
    runStart = null;
  };
  for (const w of windows) {
    // A gap in the recording ends a silence: nobody knows what was said there.
    if (previous !== null && w.ms - previous > WINDOW_MS * 1.5) endRun(previous + WINDOW_MS);
    if (w.spoken) endRun(w.ms);
    else runStart ??= w.ms;
    previous = w.ms;
  }
  if (previous !== null) endRun(previous + WINDOW_MS);
  const minutes = (n: number) => (n * WINDOW_MS) / 60_000;
  const inPhase = (p: PhaseSpan) => windows.filter((w) => w.ms >= p.startMs && w.ms < p.endMs);
  return {
    phases: phases.map((p) => {
      const mine = inPhase(p);
      return {
        id: p.id,
        name: p.name,
        spokenMinutes: minutes(mine.filter((w) => w.spoken).length),
        recordedMinutes: minutes(mine.length)
      };
    }),
    spokenMinutes: minutes(windows.filter((w) => w.spoken).length),
    longestSilenceMs,
    longestSilenceAtMs
  };
}
