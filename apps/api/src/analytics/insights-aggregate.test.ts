import { designPhasePlan, getRubric, HIRE_SIGNALS } from '@mockloop/rubrics';
import { describe, expect, it } from 'vitest';
import { buildAggregate, NeedsRebuild, replaceSession, type InsightsAggregate } from './insights-aggregate.ts';
import { contributionOf } from './insights-contribution.ts';
import { presentAggregate } from './insights-present.ts';
import { computeInsights, solved, type ScoredSession } from './insights.ts';
import { isRecent, withReviewTargets } from './practice-next.ts';
import { problemSchedule, reviewSchedule } from './review-schedule.ts';
import { weeklyRecap } from './weekly-recap.ts';

const design = getRubric('system-design-mock')!;
const coding = getRubric('coding-mock')!;
const now = new Date(Date.UTC(2026, 5, 18, 12));
const TAGS = ['off by one', 'no estimate', 'ran out of time'];
const catalog = [
  { id: 'd1', title: 'URL shortener', kind: 'design', rubric: design },
  { id: 'c1', title: 'Two sum', kind: 'coding', rubric: coding, pattern: 'Hashing' },
  { id: 'c2', title: 'Top K', kind: 'coding', rubric: coding, pattern: 'Heaps' }
];

/** A small deterministic generator (mulberry32), so a failure is reproducible. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function ratings(rand: () => number, rubric: typeof design) {
  return Object.fromEntries(rubric.criteria.filter(() => rand() < 0.8).map((c) => [c.id, 1 + Math.floor(rand() * 4)]));
}

function session(rand: () => number, i: number): ScoredSession {
  const isCoding = rand() < 0.5;
  const startedAt = new Date(now.getTime() - (200 - i) * 3_600_000 * 7 - Math.floor(rand() * 1000)).toISOString();
  const question = isCoding ? catalog[1 + Math.floor(rand() * 2)]! : catalog[0]!;
  return {
    id: `s${String(i).padStart(3, '0')}`,
    kind: isCoding ? 'coding' : 'design',
    questionId: question.id,
    startedAt,
    submittedAt: null,
    rubric: isCoding ? coding : design,
    selfRatings: null,
    oops: [],
    peerRatings: [],
    phasePlan: designPhasePlan(60),
    phaseLog: [],
    ...(isCoding
      ? {
          coding: {
            title: question.title,
            pattern: question.pattern!,
            difficulty: rand() < 0.5 ? 'easy' : 'medium',
            boxMinutes: 30,
            passed: null,
            total: 10,
            solvedMinutes: null
          }
        }
      : {})
  };
}

const signal = (rand: () => number) => HIRE_SIGNALS[Math.floor(rand() * HIRE_SIGNALS.length)]!;

/** One write as the API makes them: finish, self-score (again), a peer score, a judged submission. */
function change(rand: () => number, s: ScoredSession): ScoredSession {
  const pick = rand();
  if (!s.submittedAt && s.coding && pick < 0.3) {
    const passed = Math.floor(rand() * 11);
    const minutes = 5 + rand() * 40;
    return {
      ...s,
      coding: { ...s.coding, passed, solvedMinutes: s.coding.solvedMinutes ?? (passed === 10 ? minutes : null) }
    };
  }
  if (!s.submittedAt) {
    const submittedAt = new Date(Date.parse(s.startedAt) + (20 + rand() * 60) * 60_000).toISOString();
    return { ...s, submittedAt, phaseLog: [{ phaseId: 'requirements', startedAt: s.startedAt }] };
  }
  if (pick < 0.5) {
    const oops = s.oops.length && rand() < 0.5 ? [...s.oops, TAGS[2]!] : TAGS.filter(() => rand() < 0.4);
    // A prediction of the peer's signal is made (or changed) with a self-score, sometimes after a peer's.
    const peerPrediction = rand() < 0.6 ? signal(rand) : (s.peerPrediction ?? null);
    return { ...s, selfRatings: ratings(rand, s.rubric), oops: [...new Set(oops)], peerPrediction };
  }
  return {
    ...s,
    peerRatings: [...s.peerRatings, ratings(rand, s.rubric)],
    peerSignals: [...(s.peerSignals ?? []), signal(rand)]
  };
}

/** The full computation the service made before aggregates: the specification. */
function specification(sessions: ScoredSession[]) {
  const scoredOops = sessions
    .filter((s) => s.selfRatings)
    .map((s) => ({ at: s.submittedAt ?? s.startedAt, kind: s.kind!, oops: s.oops }));
  const attempts = sessions.flatMap((s) =>
    s.coding && s.submittedAt
      ? [{ at: s.submittedAt, questionId: s.questionId, title: s.coding.title, solved: solved(s.coding) }]
      : []
  );
  const recapSessions = [...sessions]
    .sort((a, b) => a.startedAt.localeCompare(b.startedAt))
    .map((s) => ({
      at: s.startedAt,
      kind: s.kind!,
      questionTitle: s.coding?.title ?? catalog.find((q) => q.id === s.questionId)!.title,
      ...(s.coding ? { pattern: s.coding.pattern, solved: solved(s.coding) } : {}),
      score: s.selfRatings ? 50 : null,
      oops: s.oops
    }));
  const insights = computeInsights(sessions, catalog, now);
  const recentlyDone = new Set(sessions.filter((s) => isRecent(s.startedAt, now)).map((s) => s.questionId));
  const schedule = [...problemSchedule(attempts, now), ...reviewSchedule(scoredOops, now)].sort((a, b) =>
    a.dueAt.localeCompare(b.dueAt)
  );
  return {
    ...insights,
    reviews: withReviewTargets(schedule, catalog, recentlyDone, insights.practiceNext, null),
    recap: weeklyRecap(recapSessions, now)
  };
}

const withScore = (s: ScoredSession) => ({ ...s, selfScore: s.selfRatings ? 50 : null });
const contributions = (sessions: ScoredSession[]) => sessions.map((s) => contributionOf(withScore(s)));

describe('insights aggregate', () => {
  it('built from every session, reads the same as the full computation', () => {
    const rand = random(7);
    let sessions = Array.from({ length: 160 }, (_, i) => session(rand, i));
    for (let round = 0; round < 4; round++) sessions = sessions.map((s) => change(rand, s));
    const agg = buildAggregate(contributions(sessions), now);
    expect(presentAggregate(agg, catalog, now)).toEqual(specification(sessions));
  });

  it('folded one write at a time, in any order, equals the full computation', { timeout: 30_000 }, () => {
    const rand = random(11);
    const sessions: ScoredSession[] = [];
    let agg: InsightsAggregate = buildAggregate([], now);
    let rebuilds = 0;
    for (let step = 0; step < 700; step++) {
      const fresh = sessions.length < 20 || rand() < 0.2;
      const index = fresh ? sessions.length : Math.floor(rand() * sessions.length);
      const before = fresh ? null : sessions[index]!;
      const after = fresh ? session(rand, index) : change(rand, before!);
      sessions[index] = after;
      try {
        replaceSession(agg, before && contributionOf(withScore(before)), contributionOf(withScore(after)), now);
      } catch (error) {
        if (!(error instanceof NeedsRebuild)) throw error;
        rebuilds++;
        agg = buildAggregate(contributions(sessions), now);
      }
      if (step % 50 === 49 || step === 699) {
        expect(presentAggregate(agg, catalog, now)).toEqual(specification(sessions));
      }
    }
    // Writes at random, old sessions re-scored with other tags: some cannot be folded and rebuild instead.
    expect(rebuilds).toBeLessThan(700 / 2);
  });

  it('folds the usual writes without a rebuild: start, judge, finish, self-score, then peer scores on any session', () => {
    const rand = random(5);
    const sessions: ScoredSession[] = [];
    const agg = buildAggregate([], now);
    const write = (index: number, after: ScoredSession) => {
      const before = sessions[index] ?? null;
      sessions[index] = after;
      replaceSession(agg, before && contributionOf(withScore(before)), contributionOf(withScore(after)), now);
    };
    for (let i = 0; i < 120; i++) {
      let s = session(rand, i);
      write(i, s);
      if (s.coding) write(i, (s = { ...s, coding: { ...s.coding, passed: 10, solvedMinutes: 12.5 } }));
      write(i, (s = { ...s, submittedAt: new Date(Date.parse(s.startedAt) + 3_000_000).toISOString() }));
      write(
        i,
        (s = {
          ...s,
          selfRatings: ratings(rand, s.rubric),
          oops: TAGS.filter(() => rand() < 0.4),
          peerPrediction: signal(rand)
        })
      );
      write(i, {
        ...s,
        selfRatings: ratings(rand, s.rubric),
        oops: [...s.oops, TAGS[0]!].filter((t, j, a) => a.indexOf(t) === j)
      });
      const old = Math.floor(rand() * sessions.length);
      write(old, {
        ...sessions[old]!,
        peerRatings: [...sessions[old]!.peerRatings, ratings(rand, sessions[old]!.rubric)],
        peerSignals: [...(sessions[old]!.peerSignals ?? []), signal(rand)]
      });
    }
    const presented = presentAggregate(agg, catalog, now);
    expect(presented).toEqual(specification(sessions));
    // Predictions were folded in (not left out): some sessions set one against a peer's signal.
    expect(presented.calibration.prediction.compared).toBeGreaterThan(20);
  });
});
