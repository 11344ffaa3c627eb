/**
 * The hiring committee: the rules it applies to a loop's packet, written down as data (the packet page prints them),
 * and `decide`, which applies them. Each rule, when it fires, says the most it allows (a decision, and a level at
 * most); the committee's answer is the most restrictive of them, so no rule can be outvoted by another. The level
 * bars come from the 60-day plan's "Key Competencies by Level": a senior is strong in system design and learning
 * leadership, a staff engineer expert in architecture and strong in strategy, a principal expert in both.
 * Pure: no I/O, no zod (the web imports it as `@mockloop/rubrics/committee`).
 */
import { HIRE_SIGNALS } from './constants.ts';
import { LOOP_LEVELS, type LoopLevel } from './loop-templates.ts';
import type { HireSignal } from './schema.ts';
import type { Ratings } from './submission.ts';

export const COMMITTEE_OUTCOMES = ['no_hire', 'hold', 'hire'] as const;
/** Weakest first: a rule that allows `hold` forbids `hire`. */
export type CommitteeOutcome = (typeof COMMITTEE_OUTCOMES)[number];

export const COMMITTEE_OUTCOME_LABELS: Record<CommitteeOutcome, string> = {
  no_hire: 'No Hire',
  hold: 'Hold',
  hire: 'Hire'
};

/** One round as the committee reads it: its rubric, and the feedback once submitted (null until then). */
export type CommitteeRound = {
  id: string;
  title: string;
  rubricId: string;
  feedback: {
    signal: HireSignal;
    /** Criterion id → 1–4, with the round's rubric. */
    ratings: Ratings;
    /** Scored by the candidate alone (no interviewer in the round). */
    selfScored: boolean;
  } | null;
};

export type CommitteePacket = { targetLevel: LoopLevel; rounds: readonly CommitteeRound[] };

/**
 * The criteria a level is read from, by rubric, and the rating each level needs on them (1 not shown, 2 partial,
 * 3 solid, 4 exceptional). Coding has none: the bar for code is the same at every level, and a coding round
 * weighs on the decision through its signal only.
 */
export const LEVELLED_CRITERIA: Readonly<
  Record<string, Readonly<Record<string, Readonly<Record<LoopLevel, number>>>>>
> = {
  'system-design-mock': {
    requirements: { senior: 3, staff: 3, principal: 3 },
    'high-level-design': { senior: 3, staff: 3, principal: 4 },
    'trade-offs': { senior: 3, staff: 4, principal: 4 },
    'bottleneck-analysis': { senior: 2, staff: 3, principal: 3 }
  },
  'ml-system-design': {
    'problem-framing': { senior: 3, staff: 3, principal: 4 },
    serving: { senior: 3, staff: 3, principal: 3 },
    'monitoring-and-drift': { senior: 2, staff: 3, principal: 3 },
    cost: { senior: 2, staff: 3, principal: 4 }
  },
  'behavioral-leadership': {
    'influence-without-authority': { senior: 2, staff: 3, principal: 4 },
    'stakeholder-communication': { senior: 2, staff: 3, principal: 4 },
    'dealing-with-ambiguity': { senior: 3, staff: 3, principal: 3 },
    'decision-making': { senior: 2, staff: 3, principal: 4 }
  }
};

export type CommitteeRuleId =
  'all-rounds-in' | 'strong-no-hire' | 'two-no-hires' | 'mixed-signals' | 'interviewers-present' | 'level-bar';

export type CommitteeRule = { id: CommitteeRuleId; title: string; text: string };

/** The rules, in the order the packet prints them and `decide` applies them. */
export const COMMITTEE_RULES: readonly CommitteeRule[] = [
  {
    id: 'all-rounds-in',
    title: 'Every round is in',
    text: 'A round whose feedback is not submitted holds the packet: Hold, whatever the others say.'
  },
  {
    id: 'strong-no-hire',
    title: 'No round at Strong No Hire',
    text: 'Any round with a Strong No Hire is a No Hire: one clear failure is not averaged away.'
  },
  {
    id: 'two-no-hires',
    title: 'At most one No Hire',
    text: 'Two or more rounds at No Hire, or No Hire in every round: No Hire.'
  },
  {
    id: 'mixed-signals',
    title: 'Mixed signals hold',
    text: 'Exactly one round at No Hire beside rounds at Hire: mixed signals, Hold (another round would decide).'
  },
  {
    id: 'interviewers-present',
    title: 'Interviewers, not only self-scores',
    text: 'More rounds self-scored than scored by an interviewer: Hold; a candidate cannot hire themself.'
  },
  {
    id: 'level-bar',
    title: 'The level the packet supports',
    text: 'The level is the highest whose bar every round meets on its levelled criteria (table below), never above the loop’s target; a round below the target’s bar makes it no hire at the target, and below the senior bar, No Hire.'
  }
];

export type LevelBarRow = {
  rubricId: string;
  rubricTitle: string;
  criterionId: string;
  criterionName: string;
  bars: Readonly<Record<LoopLevel, number>>;
};

/** Enough of a rubric to name its levelled criteria. */
export type RubricNames = { title: string; criteria: readonly { id: string; name: string }[] };

/**
 * The levelled criteria as rows with their rubric's and criterion's names, for a table; the rubrics are looked up
 * by the caller (the API from the catalogue, the web from what it fetched), so this module stays free of zod.
 */
export function levelBarRows(rubricOf: (id: string) => RubricNames | undefined): LevelBarRow[] {
  return Object.entries(LEVELLED_CRITERIA).flatMap(([rubricId, criteria]) => {
    const rubric = rubricOf(rubricId);
    return Object.entries(criteria).map(([criterionId, bars]) => ({
      rubricId,
      rubricTitle: rubric?.title ?? rubricId,
      criterionId,
      criterionName: rubric?.criteria.find((c) => c.id === criterionId)?.name ?? criterionId,
      bars
    }));
  });
}

/** What one rule allows when it fires: at most this decision, and at most this level (null: none). */
export type RuleVerdict = {
  rule: CommitteeRuleId;
  allows: CommitteeOutcome;
  /** Undefined: the rule says nothing about the level. */
  levelAtMost?: LoopLevel | null;
  reason: string;
};

export type CommitteeReason = { rule: CommitteeRuleId | 'outcome'; text: string };

export type CommitteeResult = {
  decision: CommitteeOutcome;
  /** The level hired at (a hire), or the level the rounds in support so far (a hold); null for a no hire. */
  level: LoopLevel | null;
  /** Why, one sentence each: every rule that fired (its id), then what the packet shows (`outcome`). */
  reasons: CommitteeReason[];
  /** The rules that fired, each with what it allows. */
  verdicts: RuleVerdict[];
};

const signalRank = (signal: HireSignal) => HIRE_SIGNALS.indexOf(signal);
const decisionRank = (decision: CommitteeOutcome) => COMMITTEE_OUTCOMES.indexOf(decision);
const levelRank = (level: LoopLevel) => LOOP_LEVELS.indexOf(level);

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const names = (rounds: readonly CommitteeRound[]) => rounds.map((r) => r.title).join(', ');

type Submitted = CommitteeRound & { feedback: NonNullable<CommitteeRound['feedback']> };

/** The criteria of this round below `level`'s bar, as "criterion 2 < 3". */
export function shortfalls(round: Submitted, level: LoopLevel): string[] {
  const bars = LEVELLED_CRITERIA[round.rubricId] ?? {};
  const out: string[] = [];
  for (const [criterion, bar] of Object.entries(bars)) {
    const rating = round.feedback.ratings[criterion];
    if (rating === undefined || rating < bar[level]) out.push(`${criterion} ${rating ?? 'unrated'} < ${bar[level]}`);
  }
  return out;
}

/** The highest level whose bar every submitted round meets on its levelled criteria; null below the senior bar. */
export function supportedLevel(rounds: readonly CommitteeRound[]): LoopLevel | null {
  const submitted = rounds.filter((r): r is Submitted => r.feedback !== null);
  let best: LoopLevel | null = null;
  for (const level of LOOP_LEVELS) {
    if (submitted.every((round) => shortfalls(round, level).length === 0)) best = level;
    else break;
  }
  return best;
}

/** Each rule applied alone: null when it does not fire. Exported so tests can hold `decide` to every one. */
export const RULE_CHECKS: Readonly<Record<CommitteeRuleId, (packet: CommitteePacket) => RuleVerdict | null>> = {
  'all-rounds-in': (packet) => {
    const missing = packet.rounds.filter((r) => r.feedback === null);
    if (packet.rounds.length === 0) return { rule: 'all-rounds-in', allows: 'hold', reason: 'The loop has no rounds.' };
    if (missing.length === 0) return null;
    return {
      rule: 'all-rounds-in',
      allows: 'hold',
      reason: `${plural(missing.length, 'round')} not in yet (${names(missing)}): Hold.`
    };
  },
  'strong-no-hire': (packet) => {
    const strong = packet.rounds.filter((r) => r.feedback?.signal === 'Strong No Hire');
    if (strong.length === 0) return null;
    return {
      rule: 'strong-no-hire',
      allows: 'no_hire',
      levelAtMost: null,
      reason: `Strong No Hire in ${names(strong)}: No Hire.`
    };
  },
  'two-no-hires': (packet) => {
    const noHires = packet.rounds.filter((r) => r.feedback?.signal === 'No Hire');
    if (noHires.length === 0 || (noHires.length < 2 && noHires.length < packet.rounds.length)) return null;
    return {
      rule: 'two-no-hires',
      allows: 'no_hire',
      levelAtMost: null,
      reason: `No Hire in ${plural(noHires.length, 'round')} (${names(noHires)}): No Hire.`
    };
  },
  'mixed-signals': (packet) => {
    const noHires = packet.rounds.filter((r) => r.feedback?.signal === 'No Hire');
    const hires = packet.rounds.filter(
      (r) => r.feedback !== null && signalRank(r.feedback.signal) >= signalRank('Hire')
    );
    if (noHires.length !== 1 || hires.length === 0) return null;
    return {
      rule: 'mixed-signals',
      allows: 'hold',
      reason: `Mixed signals: No Hire in ${names(noHires)} beside ${plural(hires.length, 'round')} at Hire or better: Hold.`
    };
  },
  'interviewers-present': (packet) => {
    const self = packet.rounds.filter((r) => r.feedback?.selfScored === true).length;
    const interviewed = packet.rounds.filter((r) => r.feedback !== null && !r.feedback.selfScored).length;
    if (self <= interviewed) return null;
    return {
      rule: 'interviewers-present',
      allows: 'hold',
      reason: `${plural(self, 'round')} self-scored against ${interviewed} with an interviewer: Hold.`
    };
  },
  'level-bar': (packet) => {
    const submitted = packet.rounds.filter((r): r is Submitted => r.feedback !== null);
    const supported = supportedLevel(submitted);
    const target = packet.targetLevel;
    if (supported === null) {
      const below = submitted
        .map((r) => [r, shortfalls(r, 'senior')] as const)
        .filter(([, s]) => s.length > 0)
        .map(([r, s]) => `${r.title} (${s.join(', ')})`);
      return {
        rule: 'level-bar',
        allows: 'no_hire',
        levelAtMost: null,
        reason: `Below the senior bar on levelled criteria in ${below.join('; ')}: No Hire.`
      };
    }
    if (levelRank(supported) >= levelRank(target)) return null;
    const below = submitted
      .map((r) => [r, shortfalls(r, target)] as const)
      .filter(([, s]) => s.length > 0)
      .map(([r, s]) => `${r.title} (${s.join(', ')})`);
    return {
      rule: 'level-bar',
      allows: 'hire',
      levelAtMost: supported,
      reason: `Below the ${target} bar in ${below.join('; ')}: not a hire at ${target}; the packet supports ${supported}.`
    };
  }
};

/**
 * The committee's decision on a packet: every rule applied, the most restrictive wins. With no rule against it, a
 * hire at the level the packet supports, at most the loop's target.
 */
export function decide(packet: CommitteePacket): CommitteeResult {
  const verdicts = COMMITTEE_RULES.map((rule) => RULE_CHECKS[rule.id](packet)).filter(
    (v): v is RuleVerdict => v !== null
  );
  let decision: CommitteeOutcome = 'hire';
  let level: LoopLevel | null = packet.targetLevel;
  for (const verdict of verdicts) {
    if (decisionRank(verdict.allows) < decisionRank(decision)) decision = verdict.allows;
    if (verdict.levelAtMost !== undefined) {
      const cap = verdict.levelAtMost;
      if (cap === null || (level !== null && levelRank(cap) < levelRank(level))) level = cap;
    }
  }
  if (decision === 'no_hire') level = null;

  const reasons: CommitteeReason[] = verdicts.map((v) => ({ rule: v.rule, text: v.reason }));
  const outcome = (text: string) => reasons.push({ rule: 'outcome', text });
  const submitted = packet.rounds.filter((r): r is Submitted => r.feedback !== null);
  if (decision === 'hire') {
    const strong = submitted.filter((r) => r.feedback.signal === 'Strong Hire').length;
    outcome(
      `All ${plural(submitted.length, 'round')} at Hire or better${strong > 0 ? ` (${strong} Strong Hire)` : ''}.`
    );
    outcome(
      level === packet.targetLevel
        ? `Every round meets the ${level} bar on its levelled criteria: Hire at ${level}.`
        : `Hire at ${level as LoopLevel}, down-levelled from ${packet.targetLevel}.`
    );
  } else if (decision === 'hold' && level !== null) {
    outcome(`The rounds in meet the ${level} bar on their levelled criteria, should the hold resolve.`);
  }
  return { decision, level, reasons, verdicts };
}
