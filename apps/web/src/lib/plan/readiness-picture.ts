/** The readiness picture's geometry: where an estimate and the bar sit on a 0–100 track, and the trend's line. */

/** Percent along the track, clamped. */
export const along = (score: number) => Math.max(0, Math.min(100, score));

/** The SVG polyline points of a history of estimates in a `width` × `height` box (0 at the bottom, 100 at the top). */
export function sparkline(history: readonly { estimate: number }[], width: number, height: number): string {
  if (history.length === 0) return '';
  const step = history.length > 1 ? width / (history.length - 1) : 0;
  return history
    .map((h, i) => {
      const x = history.length > 1 ? i * step : width / 2;
      const y = height - (along(h.estimate) / 100) * height;
      return `${Math.round(x * 10) / 10},${Math.round(y * 10) / 10}`;
    })
    .join(' ');
}

export const ROUND_NAMES: Record<string, string> = {
  coding: 'Coding',
  design: 'System design',
  behavioral: 'Behavioral',
  'ml-design': 'ML system design'
};
