/** The committee: a table of packets and their decision and level, and properties that hold for any packet. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  COMMITTEE_OUTCOMES,
  COMMITTEE_RULES,
  decide,
  LEVELLED_CRITERIA,
  RULE_CHECKS,
  type CommitteeOutcome,
  type CommitteePacket,
  type CommitteeRound
} from './committee.ts';
import { committeeRuleLines } from './committee-lines.ts';
import { HIRE_SIGNALS } from './constants.ts';
import { LOOP_LEVELS, type LoopLevel } from './loop-templates.ts';
import { getRubric } from './rubrics/index.ts';
import type { HireSignal } from './schema.ts';

type Rated = { signal: HireSignal; levelled?: number; self?: boolean; set?: Record<string, number> };

/** A submitted round: every criterion of the rubric rated 3, its levelled criteria `levelled`, then `set`. */
function round(rubricId: string, rated: Rated | null, id = rubricId): CommitteeRound {
  if (rated === null) return { id, title: id, rubricId, feedback: null };
  const rubric = getRubric(rubricId)!;
  const ratings = Object.fromEntries(rubric.criteria.map((c) => [c.id, 3]));
  for (const criterion of Object.keys(LEVELLED_CRITERIA[rubricId] ?? {})) ratings[criterion] = rated.levelled ?? 3;
  Object.assign(ratings, rated.set);
  return { id, title: id, rubricId, feedback: { signal: rated.signal, ratings, selfScored: rated.self ?? false } };
}

const H: Rated = { signal: 'Hire' };
const SH4: Rated = { signal: 'Strong Hire', levelled: 4 };
const H4: Rated = { signal: 'Hire', levelled: 4 };
/** Four rounds, as the senior template: coding, coding, design, behavioral. */
const loop = (target: LoopLevel, a: Rated | null, b: Rated | null, c: Rated | null, d: Rated | null) => ({
  targetLevel: target,
  rounds: [
    round('coding-mock', a, 'coding-1'),
    round('coding-mock', b, 'coding-2'),
    round('system-design-mock', c, 'design'),
    round('behavioral-leadership', d, 'behavioral')
  ]
});

describe('decide: the table', () => {
  it.each<[string, CommitteePacket, CommitteeOutcome, LoopLevel | null, string[]]>([
    ['every round Hire, solid levelled criteria', loop('senior', H, H, H, H), 'hire', 'senior', ['all-4']],
    ['staff target, solid only: down-levelled', loop('staff', H, H, H, H), 'hire', 'senior', ['trade-offs 3 < 4']],
    ['staff target, exceptional levelled criteria', loop('staff', H, H, H4, H4), 'hire', 'staff', []],
    ['never above the target', loop('staff', SH4, SH4, SH4, SH4), 'hire', 'staff', []],
    ['principal target, exceptional throughout', loop('principal', H, H, SH4, H4), 'hire', 'principal', []],
    [
      'principal target, one levelled criterion short of 4',
      loop('principal', H, H, { ...H4, set: { 'trade-offs': 3 } }, H4),
      'hire',
      'senior',
      ['trade-offs 3 < 4', 'supports senior']
    ],
    [
      'principal target, leadership short: staff',
      loop('principal', H, H, H4, { signal: 'Hire', levelled: 3 }),
      'hire',
      'staff',
      ['down-levelled from principal']
    ],
    [
      'one Strong No Hire sinks it',
      loop('staff', SH4, SH4, SH4, { signal: 'Strong No Hire' }),
      'no_hire',
      null,
      ['Strong No Hire in behavioral']
    ],
    ['two No Hires', loop('senior', { signal: 'No Hire' }, H, { signal: 'No Hire' }, H), 'no_hire', null, ['2 rounds']],
    [
      'one No Hire among Hires: mixed',
      loop('senior', { signal: 'No Hire' }, H, H, H),
      'hold',
      'senior',
      ['Mixed signals']
    ],
    [
      'one No Hire among Strong Hires: mixed',
      loop('staff', SH4, SH4, { signal: 'No Hire', levelled: 4 }, SH4),
      'hold',
      'staff',
      []
    ],
    ['a round not in: hold', loop('senior', H, H, H, null), 'hold', 'senior', ['1 round not in yet (behavioral)']],
    ['nothing in yet: hold at the target', loop('staff', null, null, null, null), 'hold', 'staff', ['4 rounds not in']],
    [
      'a round not in and a Strong No Hire',
      loop('senior', { signal: 'Strong No Hire' }, H, null, H),
      'no_hire',
      null,
      []
    ],
    ['a round not in and one No Hire', loop('senior', { signal: 'No Hire' }, null, null, null), 'hold', 'senior', []],
    [
      'three self-scored, one interviewed',
      loop('senior', { ...H, self: true }, { ...H, self: true }, { ...H, self: true }, H),
      'hold',
      'senior',
      ['3 rounds self-scored against 1']
    ],
    [
      'two self-scored, two interviewed',
      loop('senior', { ...H, self: true }, H, { ...H, self: true }, H),
      'hire',
      'senior',
      []
    ],
    [
      'Hire signal but a levelled criterion below the senior bar',
      loop('senior', H, H, { signal: 'Hire', set: { 'high-level-design': 2 } }, H),
      'no_hire',
      null,
      ['Below the senior bar', 'high-level-design 2 < 3']
    ],
    [
      'coding rounds carry no level: the target',
      { targetLevel: 'principal', rounds: [round('coding-mock', H, 'a'), round('coding-mock', SH4, 'b')] },
      'hire',
      'principal',
      []
    ],
    [
      'a rubric without levelled criteria counts by signal',
      { targetLevel: 'staff', rounds: [round('staff-week-01', H, 'project'), round('system-design-mock', H4, 'd')] },
      'hire',
      'staff',
      []
    ],
    [
      'a single round at No Hire',
      { targetLevel: 'senior', rounds: [round('coding-mock', { signal: 'No Hire' })] },
      'no_hire',
      null,
      []
    ],
    ['no rounds at all', { targetLevel: 'senior', rounds: [] }, 'hold', 'senior', ['no rounds']],
    [
      'ML design below the staff bar on cost',
      {
        targetLevel: 'staff',
        rounds: [
          round('coding-mock', H, 'c'),
          round('ml-system-design', { ...H4, set: { cost: 2 } }, 'ml'),
          round('system-design-mock', H4, 'd'),
          round('behavioral-leadership', H4, 'b')
        ]
      },
      'hire',
      'senior',
      ['ml (cost 2 < 3)']
    ]
  ])('%s', (_name, packet, decision, level, reasonParts) => {
    const result = decide(packet);
    expect({ decision: result.decision, level: result.level }).toEqual({ decision, level });
    expect(result.reasons.length).toBeGreaterThan(0);
    const text = result.reasons.map((r) => r.text).join(' | ');
    for (const part of reasonParts) {
      if (part === 'all-4') expect(text).toContain('All 4 rounds at Hire or better');
      else expect(text).toContain(part);
    }
  });
});

describe('the written rules', () => {
  it('has a check for every rule and a rule for every check', () => {
    expect(COMMITTEE_RULES.map((r) => r.id).sort()).toEqual(Object.keys(RULE_CHECKS).sort());
  });

  it('prints every rule, then a line per levelled criterion with its names', () => {
    const lines = committeeRuleLines();
    expect(lines).toHaveLength(COMMITTEE_RULES.length + 12);
    expect(lines).toContain(
      'Level bar, System design mock (60 minutes) · Trade-offs: senior 3, staff 4, principal 4 (of 4).'
    );
  });

  it('names levelled criteria that exist, with bars that never fall as the level rises', () => {
    for (const [rubricId, criteria] of Object.entries(LEVELLED_CRITERIA)) {
      const ids = getRubric(rubricId)!.criteria.map((c) => c.id);
      for (const [criterion, bars] of Object.entries(criteria)) {
        expect(ids).toContain(criterion);
        const values = LOOP_LEVELS.map((l) => bars[l]);
        expect([...values].sort()).toEqual(values);
      }
    }
  });
});

const RUBRIC_IDS = ['coding-mock', 'system-design-mock', 'ml-system-design', 'behavioral-leadership'];
const feedbackArb = (rubricId: string) =>
  fc.record({
    signal: fc.constantFrom(...HIRE_SIGNALS),
    ratings: fc.record(
      Object.fromEntries(getRubric(rubricId)!.criteria.map((c) => [c.id, fc.integer({ min: 1, max: 4 })]))
    ) as fc.Arbitrary<Record<string, number>>,
    selfScored: fc.boolean()
  });
const roundArb: fc.Arbitrary<CommitteeRound> = fc.constantFrom(...RUBRIC_IDS).chain((rubricId) =>
  fc.record({
    id: fc.constant(rubricId),
    title: fc.constant(rubricId),
    rubricId: fc.constant(rubricId),
    feedback: fc.option(feedbackArb(rubricId), { nil: null, freq: 4 })
  })
);
const packetArb: fc.Arbitrary<CommitteePacket> = fc.record({
  targetLevel: fc.constantFrom(...LOOP_LEVELS),
  rounds: fc.array(roundArb, { minLength: 0, maxLength: 5 })
});
const rank = (d: CommitteeOutcome) => COMMITTEE_OUTCOMES.indexOf(d);
const levelRank = (l: LoopLevel | null) => (l === null ? -1 : LOOP_LEVELS.indexOf(l));

describe('decide: properties', () => {
  it('never exceeds what the most restrictive rule allows, and is exactly that', () => {
    fc.assert(
      fc.property(packetArb, (packet) => {
        const result = decide(packet);
        const fired = COMMITTEE_RULES.map((r) => RULE_CHECKS[r.id](packet)).filter((v) => v !== null);
        const lowest = fired.reduce<CommitteeOutcome>((d, v) => (rank(v.allows) < rank(d) ? v.allows : d), 'hire');
        for (const verdict of fired) {
          expect(rank(result.decision)).toBeLessThanOrEqual(rank(verdict.allows));
          if (verdict.levelAtMost !== undefined) {
            expect(levelRank(result.level)).toBeLessThanOrEqual(levelRank(verdict.levelAtMost));
          }
        }
        expect(result.decision).toBe(lowest);
        expect(levelRank(result.level)).toBeLessThanOrEqual(levelRank(packet.targetLevel));
        expect(result.level === null).toBe(result.decision === 'no_hire');
        expect(result.verdicts.map((v) => v.rule)).toEqual(fired.map((v) => v.rule));
      }),
      { numRuns: 500 }
    );
  });

  it('a hire has every round in, none below Hire, an interviewer in at least half', () => {
    fc.assert(
      fc.property(packetArb, (packet) => {
        if (decide(packet).decision !== 'hire') return;
        const feedback = packet.rounds.map((r) => r.feedback);
        expect(feedback.every((f) => f !== null && rank2(f.signal) >= rank2('Hire'))).toBe(true);
        const self = feedback.filter((f) => f?.selfScored).length;
        expect(self).toBeLessThanOrEqual(packet.rounds.length - self);
      }),
      { numRuns: 500 }
    );
  });

  it('a better signal or rating in one round never lowers the decision or the level', () => {
    const raised = packetArb
      .filter((p) => p.rounds.some((r) => r.feedback !== null))
      .chain((packet) =>
        fc.record({
          packet: fc.constant(packet),
          index: fc.constantFrom(...packet.rounds.flatMap((r, i) => (r.feedback ? [i] : []))),
          criterion: fc.nat(),
          bySignal: fc.boolean()
        })
      );
    fc.assert(
      fc.property(raised, ({ packet, index, criterion, bySignal }) => {
        const before = decide(packet);
        const target = packet.rounds[index]!;
        const feedback = target.feedback!;
        const keys = Object.keys(feedback.ratings);
        const key = keys[criterion % keys.length]!;
        const better = bySignal
          ? { ...feedback, signal: HIRE_SIGNALS[Math.min(3, rank2(feedback.signal) + 1)]! }
          : { ...feedback, ratings: { ...feedback.ratings, [key]: Math.min(4, feedback.ratings[key]! + 1) } };
        const rounds = packet.rounds.map((r, i) => (i === index ? { ...r, feedback: better } : r));
        const after = decide({ ...packet, rounds });
        expect(rank(after.decision)).toBeGreaterThanOrEqual(rank(before.decision));
        if (after.decision === before.decision)
          expect(levelRank(after.level)).toBeGreaterThanOrEqual(levelRank(before.level));
      }),
      { numRuns: 500 }
    );
  });
});

function rank2(signal: HireSignal): number {
  return HIRE_SIGNALS.indexOf(signal);
}
