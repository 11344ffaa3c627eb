/**
 * The insights page's pictures as plain data, so their rules are tested without a browser: the criteria × sessions
 * heat map, the top areas' trends on one time line, and the ratings' colours.
 */
import type { Insights } from '@mockloop/contracts';
import { HIRE_SIGNALS } from '@mockloop/rubrics/scoring';

type Criterion = Insights['criteria'][number];

/** Columns of the heat map: the latest sessions any criterion was rated in. */
export const HEAT_MAP_SESSIONS = 20;

/** A rating's colour, low red to high green; a peer's mean (e.g. 2.5) takes the nearer level. */
export const RATING_COLOURS = ['#d92d20', '#f79009', '#a3c93a', '#16a34a'] as const;
export const ratingColour = (rating: number) =>
  RATING_COLOURS[Math.min(3, Math.max(0, Math.round(rating) - 1))] ?? RATING_COLOURS[0];

/** The rating a session gives a criterion: a peer's where one scored it, else the candidate's. */
export const usedRating = (p: { self: number | null; peer: number | null }) => p.peer ?? p.self;

export const KIND_LABELS: Record<string, string> = {
  design: 'system design',
  coding: 'coding',
  behavioral: 'behavioral'
};

export interface HeatMap {
  /** Oldest first: "#1 · 3 Mar". */
  sessions: { id: string; at: string }[];
  rows: { key: string; label: string }[];
  /** Only where the criterion was in the session's rubric and rated: the rest stays empty. */
  cells: { x: number; y: number; rating: number }[];
}

/** Criteria (grouped by rubric, in their order) × the latest sessions. */
export function heatMap(criteria: Criterion[], limit = HEAT_MAP_SESSIONS): HeatMap {
  const all = new Map<string, string>();
  for (const c of criteria) for (const p of c.points) all.set(p.sessionId, p.at);
  const sessions = [...all.entries()]
    .map(([id, at]) => ({ id, at }))
    .sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id))
    .slice(-limit);
  const column = new Map(sessions.map((s, i) => [s.id, i]));
  const shown = criteria.filter((c) => c.points.some((p) => column.has(p.sessionId)));
  const rubricOrder = [...new Set(shown.map((c) => c.rubricId))];
  const rows = [...shown].sort((a, b) => rubricOrder.indexOf(a.rubricId) - rubricOrder.indexOf(b.rubricId));
  const many = new Set(rows.map((c) => c.name)).size < rows.length;
  return {
    sessions,
    rows: rows.map((c) => ({
      key: `${c.rubricId}:${c.criterionId}`,
      // The same name in two rubrics (Communication) is told apart by its rubric.
      label: many && rows.filter((r) => r.name === c.name).length > 1 ? `${c.name} (${c.rubricTitle})` : c.name
    })),
    cells: rows.flatMap((c, y) =>
      c.points.flatMap((p) => {
        const x = column.get(p.sessionId);
        const rating = usedRating(p);
        return x === undefined || rating === null ? [] : [{ x, y, rating }];
      })
    )
  };
}

/** The top areas' ratings on one time line: one series each, null where a session did not rate it. */
export function topTrends(areas: Insights['weakAreas'], criteria: Criterion[], limit = 3) {
  const picked = areas.slice(0, limit).flatMap((area) => {
    const series = criteria.find((c) => `${c.rubricId}:${c.criterionId}` === area.key);
    return series ? [{ area, series }] : [];
  });
  const all = new Map<string, string>();
  for (const { series } of picked) for (const p of series.points) all.set(p.sessionId, p.at);
  const sessions = [...all.entries()]
    .map(([id, at]) => ({ id, at }))
    .sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
  return {
    sessions,
    series: picked.map(({ area, series }) => {
      const byId = new Map(series.points.map((p) => [p.sessionId, usedRating(p)]));
      return { key: area.key, label: area.name, data: sessions.map((s) => byId.get(s.id) ?? null) };
    })
  };
}

/** A hire signal as a level on a chart's axis: 0 Strong No Hire … 3 Strong Hire. */
export const signalLevel = (signal: string) => (HIRE_SIGNALS as readonly string[]).indexOf(signal);

/**
 * The peer's hire signal predicted against the ones given, per session in order: x is the session's place, y the
 * level; a session two peers scored has two given points.
 */
export function predictionSeries(points: Insights['calibration']['prediction']['points']) {
  return {
    sessions: points.map((p) => ({ id: p.sessionId, at: p.at })),
    predicted: points.map((p, x) => ({ x, y: signalLevel(p.predicted) })),
    given: points.flatMap((p, x) => p.actual.map((signal) => ({ x, y: signalLevel(signal) })))
  };
}
