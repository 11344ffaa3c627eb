/** How `npm test` reports its time: minutes and seconds a person reads at a glance. */

/**
 * @param {number} ms
 * @returns {string} e.g. "14 min 05 s", "58.2 s"
 */
export function formatDuration(ms) {
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, '0')} s`;
}

/**
 * The closing line: each step's time, then the wall time from the start of the first to the end of the last.
 *
 * @param {{ name: string; ms: number }[]} steps
 * @param {number} wallMs
 * @param {number} exitCode
 */
export function summary(steps, wallMs, exitCode) {
  const parts = steps.map((s) => `${s.name} ${formatDuration(s.ms)}`).join(', ');
  const outcome = exitCode === 0 ? 'passed' : `failed (exit ${exitCode})`;
  return `npm test ${outcome}: ${parts}; wall time ${formatDuration(wallMs)}`;
}
