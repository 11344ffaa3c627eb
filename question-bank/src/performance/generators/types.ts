/** What a problem's generator makes from a seed and the sizes in its performance test. */
import type { Rng } from '../random.ts';

export interface Generated {
  /** The argument list (function problems) or `{ ops, args }` (class problems). */
  input: unknown;
  /** Call once per element of this argument (CallOptions.vary). */
  vary?: number;
}

export type Generator = (rng: Rng, params: Record<string, number>) => Generated;

/**
 * The size a test asks for, or the default (the statement's largest) times the test's `scale` (a ladder's lower
 * rungs: `{ scale: 1/16 }` makes every size a sixteenth), rounded to an even number so halves stay whole.
 */
export const size = (params: Record<string, number>, name: string, fallback: number): number => {
  if (params[name] !== undefined) return params[name];
  const scale = params.scale ?? 1;
  return scale === 1 ? fallback : Math.max(2, 2 * Math.round((fallback * scale) / 2));
};
