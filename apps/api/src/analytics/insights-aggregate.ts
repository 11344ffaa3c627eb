/**
 * A user's insights kept as running aggregates: counts and sums (exact: integers, millionths), the latest points
 * of each trend, and the review schedules' state. `replaceSession` takes one session's old contribution out and
 * puts its new one in; where that cannot be done exactly (a trend point needed back after it was dropped, a
 * schedule changed out of order) it throws NeedsRebuild and the caller rebuilds from every session.
 */
import { predictionTotals } from './calibration-trend.ts';
import type { Contribution } from './insights-contribution.ts';
import {
  AGGREGATE_FORMAT,
  NeedsRebuild,
  rank,
  sessionKey,
  type InsightsAggregate,
  type Ranked,
  type Window
} from './insights-aggregate-shape.ts';
import { recapSince, recent, schedules } from './insights-schedules.ts';
import { compareKeys, MAX_TREND_POINTS } from './scored.ts';

/** A trend keeps this many points (half again what it shows), so a rare removal seldom needs a rebuild. */
const KEPT = MAX_TREND_POINTS + MAX_TREND_POINTS / 2;

export { AGGREGATE_FORMAT, NeedsRebuild, rank, sessionKey } from './insights-aggregate-shape.ts';
export type { InsightsAggregate, TrendPoint, Window } from './insights-aggregate-shape.ts';
export { recapSince } from './insights-schedules.ts';

const pointKey = (p: { at: string; sessionId: string }) => `${p.at} ${p.sessionId}`;

export function emptyAggregate(now: Date): InsightsAggregate {
  return {
    format: AGGREGATE_FORMAT,
    scored: 0,
    competencies: {},
    criteria: {},
    oops: {},
    phases: {},
    gap: { sum: 0, count: 0 },
    peerCount: 0,
    predictions: { total: 0, items: [], compared: 0, matched: 0, gapSum: 0 },
    patterns: {},
    timed: { sessions: 0, over: 0 },
    difficulties: {},
    questions: {},
    oopsSchedule: { last: null, lastAt: null, scoredByKind: {}, tags: {} },
    problems: {},
    recent: {},
    recentSince: recapSince(now)
  };
}

function addPoint<T extends { at: string; sessionId: string }>(w: Window<T>, item: T): void {
  const key = pointKey(item);
  const dropped = w.total > w.items.length;
  w.total++;
  if (dropped && w.items.length > 0 && key < pointKey(w.items[0]!)) return;
  let i = w.items.length;
  while (i > 0 && pointKey(w.items[i - 1]!) > key) i--;
  w.items.splice(i, 0, item);
  if (w.items.length > KEPT) w.items.shift();
}

function removePoint<T extends { sessionId: string }>(w: Window<T>, sessionId: string): void {
  w.total--;
  const i = w.items.findIndex((p) => p.sessionId === sessionId);
  if (i >= 0) w.items.splice(i, 1);
  if (w.items.length < Math.min(w.total, MAX_TREND_POINTS)) throw new NeedsRebuild('a dropped trend point is needed');
}

function setPoint<T extends { sessionId: string }>(w: Window<T>, point: T): void {
  const i = w.items.findIndex((p) => p.sessionId === point.sessionId);
  if (i >= 0) w.items[i] = point;
}

/** Records whose first session was taken out: the same session must put them back, or the first is unknown. */
type Lost = Set<string>;

function takeFirst(lost: Lost, id: string, record: Ranked, key: string): void {
  if (record.first.startsWith(key)) lost.add(id);
}

/** Whether the record should take this session's rank and names (earlier than its first, or its first again). */
function putFirst(lost: Lost, id: string, record: Ranked, key: string, ranked: string): boolean {
  if (lost.delete(id) || ranked < record.first) {
    record.first = ranked;
    return true;
  }
  return record.first.startsWith(key);
}

const MICROS = 1_000_000;

function sums(agg: InsightsAggregate, c: Contribution, sign: 1 | -1, lost: Lost): void {
  agg.scored += sign * Number(c.scored);
  agg.gap.sum += sign * c.gapSum;
  agg.gap.count += sign * c.gapCount;
  agg.peerCount += sign * c.peerCount;
  if (c.prediction) {
    const totals = predictionTotals(c.prediction);
    agg.predictions.compared += sign * totals.compared;
    agg.predictions.matched += sign * totals.matched;
    agg.predictions.gapSum += sign * totals.gapSum;
  }
  const key = sessionKey(c);
  const question = (agg.questions[c.questionId] ??= { lastStartedAt: c.startedAt, solved: 0 });
  if (c.startedAt > question.lastStartedAt) question.lastStartedAt = c.startedAt;
  c.phases.forEach((phase, index) => {
    const row = (agg.phases[phase.id] ??= {
      first: rank(key, index),
      id: phase.id,
      name: phase.name,
      sessions: 0,
      sum: 0,
      planned: 0,
      over: 0
    });
    if (sign === -1) takeFirst(lost, `phase:${phase.id}`, row, key);
    else if (putFirst(lost, `phase:${phase.id}`, row, key, rank(key, index))) row.name = phase.name;
    row.sessions += sign;
    row.sum += sign * Math.round(phase.overrunMinutes * MICROS);
    row.planned += sign * Math.round((phase.plannedMinutes ?? 0) * MICROS);
    row.over += sign * Number(phase.overrunMinutes > 0);
    if (row.sessions === 0) {
      delete agg.phases[phase.id];
      lost.delete(`phase:${phase.id}`);
    }
  });
  const coding = c.coding;
  if (!coding) return;
  question.solved += sign * Number(coding.solved);
  const pattern = (agg.patterns[coding.pattern] ??= { sessions: 0, judged: 0, passSum: 0, solved: 0, solveSum: 0 });
  pattern.sessions += sign;
  if (coding.passed !== null && coding.total > 0) {
    pattern.judged += sign;
    pattern.passSum += sign * Math.round((coding.passed / coding.total) * MICROS);
  }
  if (coding.solved) {
    pattern.solved += sign;
    pattern.solveSum += sign * Math.round(coding.solvedMinutes! * MICROS);
  }
  if (pattern.sessions === 0) delete agg.patterns[coding.pattern];
  if (coding.minutes === null) return;
  const over = Number(coding.minutes > coding.boxMinutes);
  agg.timed.sessions += sign;
  agg.timed.over += sign * over;
  const id = `difficulty:${coding.difficulty}`;
  const row = (agg.difficulties[coding.difficulty] ??= {
    first: rank(key, 0),
    boxMinutes: coding.boxMinutes,
    sessions: 0,
    sum: 0,
    over: 0
  });
  if (sign === -1) takeFirst(lost, id, row, key);
  else if (putFirst(lost, id, row, key, rank(key, 0))) row.boxMinutes = coding.boxMinutes;
  row.sessions += sign;
  row.sum += sign * Math.round(coding.minutes * MICROS);
  row.over += sign * over;
  if (row.sessions === 0) {
    delete agg.difficulties[coding.difficulty];
    lost.delete(id);
  }
}

/** The trends, criteria and oops tags: points added, updated in place, or removed by session. */
function series(agg: InsightsAggregate, old: Contribution | null, next: Contribution | null, lost: Lost): void {
  const c = (next ?? old)!;
  const key = sessionKey(c);
  const point = (v: { self: number | null; peer: number | null }) => ({
    sessionId: c.id,
    at: c.startedAt,
    self: v.self,
    peer: v.peer
  });
  const ids = new Set([...Object.keys(old?.competencies ?? {}), ...Object.keys(next?.competencies ?? {})]);
  for (const id of ids) {
    const before = old?.competencies[id];
    const after = next?.competencies[id];
    const w = (agg.competencies[id] ??= { total: 0, items: [] });
    if (before && after) setPoint(w, point(after));
    else if (after) addPoint(w, point(after));
    else removePoint(w, c.id);
    if (w.total === 0) delete agg.competencies[id];
  }
  const oldCriteria = new Map((old?.criteria ?? []).map((v) => [v.key, v]));
  const newCriteria = new Map((next?.criteria ?? []).map((v) => [v.key, { v, index: v.index }]));
  for (const id of oldCriteria.keys()) {
    if (newCriteria.has(id)) continue;
    const w = agg.criteria[id]!;
    takeFirst(lost, `criterion:${id}`, w, key);
    removePoint(w, c.id);
    if (w.total === 0) {
      delete agg.criteria[id];
      lost.delete(`criterion:${id}`);
    }
  }
  for (const [id, { v, index }] of newCriteria) {
    const { self, peer, index: _index, ...meta } = v;
    const w = (agg.criteria[id] ??= { first: rank(key, index), ...meta, total: 0, items: [] });
    if (oldCriteria.has(id)) setPoint(w, point({ self, peer }));
    else addPoint(w, point({ self, peer }));
    if (putFirst(lost, `criterion:${id}`, w, key, rank(key, index)))
      Object.assign(w, meta, { first: rank(key, index) });
  }
  const predicted = next?.prediction && { sessionId: c.id, at: c.startedAt, ...next.prediction };
  if (old?.prediction && predicted) setPoint(agg.predictions, predicted);
  else if (predicted) addPoint(agg.predictions, predicted);
  else if (old?.prediction) removePoint(agg.predictions, c.id);
  const oldTags = new Set(old?.oops ?? []);
  const newTags = new Set(next?.oops ?? []);
  for (const tag of oldTags) {
    if (newTags.has(tag)) continue;
    removePoint(agg.oops[tag]!, c.id);
    if (agg.oops[tag]!.total === 0) delete agg.oops[tag];
  }
  for (const tag of newTags) {
    if (!oldTags.has(tag)) addPoint((agg.oops[tag] ??= { total: 0, items: [] }), { sessionId: c.id, at: c.startedAt });
  }
}

/**
 * Takes a session's old contribution out of `agg` and puts its new one in, in place (null: the session was not
 * counted yet). Throws NeedsRebuild when that cannot be done exactly; `agg` is then unusable.
 */
export function replaceSession(
  agg: InsightsAggregate,
  old: Contribution | null,
  next: Contribution | null,
  now: Date
): void {
  if (!old && !next) return;
  if (agg.format !== AGGREGATE_FORMAT) throw new NeedsRebuild('the aggregate was kept in another shape');
  const lost: Lost = new Set();
  if (old) sums(agg, old, -1, lost);
  if (next) sums(agg, next, 1, lost);
  series(agg, old, next, lost);
  if (lost.size > 0) throw new NeedsRebuild('the first session of a row changed');
  schedules(agg, old, next);
  recent(agg, next, now);
}

/** Every session's contribution added to an empty aggregate: the full rebuild. */
export function buildAggregate(contributions: Contribution[], now: Date): InsightsAggregate {
  const agg = emptyAggregate(now);
  // The schedules take sessions in their own order (by end), the rest in any order.
  const ordered = [...contributions].sort((a, b) =>
    compareKeys(`${a.submittedAt ?? a.startedAt} ${a.id}`, `${b.submittedAt ?? b.startedAt} ${b.id}`)
  );
  for (const c of ordered) replaceSession(agg, null, c, now);
  return agg;
}
