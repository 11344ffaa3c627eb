/**
 * Interview loops by target level, read from the roadmaps: the 16-week big-tech roadmap ends in mock loops (two DS&A
 * mocks, a system-design mock and a behavioral one), the 24-week staff roadmap in staff-level architecture reviews
 * and technical leadership, the 60-day plan in principal-level system-design mocks and leadership and strategy prep.
 * Each round is an ordinary mock of one kind, scored with an existing rubric; the questions a round suggests are
 * bank ids (the bank's tests check they exist with that kind and rubric). Pure data: no I/O, no zod.
 */
import type { RubricKind } from './kinds.ts';
import { SEED } from './seed-plans.ts';
import type { SeedFile } from './seed-plans.ts';

/** The levels a loop targets and a committee levels at, lowest first (the bank's `levelSchema` spells the same). */
export const LOOP_LEVELS = ['senior', 'staff', 'principal'] as const;
export type LoopLevel = (typeof LOOP_LEVELS)[number];

export function isLoopLevel(value: unknown): value is LoopLevel {
  return (LOOP_LEVELS as readonly unknown[]).includes(value);
}

/** How a loop's rounds are scheduled: all on one day, as an onsite, or one a day. */
export const LOOP_SCHEDULES = ['one-day', 'spread'] as const;
export type LoopSchedule = (typeof LOOP_SCHEDULES)[number];

export type LoopRoundSpec = {
  /** Stable within its template: `coding-1`, `design-1`, `behavioral`, … */
  id: string;
  /** A kind with a rubric of its own: a round is one session on one bank question. */
  kind: Exclude<RubricKind, 'project'>;
  title: string;
  /** What the round probes, one line. */
  focus: string;
  /** Minutes; each is a length its kind allows (coding 15–90, design 45/60/90, behavioral 30/45). */
  durationMin: number;
  rubricId: string;
  /** The bank's level to draw the question from (design and behavioral; coding problems are by difficulty). */
  questionLevel?: LoopLevel;
  /** Coding rounds: the difficulty to draw from. */
  difficulty?: 'easy' | 'medium' | 'hard';
  /** Bank question ids that fit the round, best first; the loop may use any question of the same kind and rubric. */
  suggestedQuestionIds: readonly string[];
  /** The roadmap passage the round comes from (a heading of that seed, checked against the seed index). */
  source: { file: SeedFile; section: string };
};

export type LoopTemplateSpec = {
  id: 'senior' | 'staff' | 'principal-ai-architect';
  level: LoopLevel;
  name: string;
  summary: string;
  schedule: LoopSchedule;
  source: { file: SeedFile; section: string };
  rounds: readonly LoopRoundSpec[];
};

const BIG_TECH_WEEK_16 = 'Phase 5 – Week 16 • Mock Loops & Launch';
const BIG_TECH_WEEK_16_PLAYBOOK = 'Week 16 · *Mock Interviews, Resume Polish, Outreach*';

export const LOOP_TEMPLATES: readonly LoopTemplateSpec[] = [
  {
    id: 'senior',
    level: 'senior',
    name: 'Senior engineer loop',
    summary: 'Two DS&A coding rounds, one system design, one behavioral: the 16-week roadmap’s Week 16 mock loops.',
    schedule: 'one-day',
    source: { file: SEED.bigTechInterview16Week, section: BIG_TECH_WEEK_16 },
    rounds: [
      {
        id: 'coding-1',
        kind: 'coding',
        title: 'Coding 1: DS&A',
        focus: 'A medium problem end to end: approach, complexity, edge cases, working code.',
        durationMin: 45,
        rubricId: 'coding-mock',
        difficulty: 'medium',
        suggestedQuestionIds: ['lc-0056-merge-intervals', 'lc-0003-longest-substring-without-repeating'],
        source: { file: SEED.bigTechInterview16Week, section: BIG_TECH_WEEK_16 }
      },
      {
        id: 'coding-2',
        kind: 'coding',
        title: 'Coding 2: DS&A',
        focus: 'A second medium problem from another pattern (graphs, heaps), as an onsite’s second coding round.',
        durationMin: 45,
        rubricId: 'coding-mock',
        difficulty: 'medium',
        suggestedQuestionIds: ['lc-0200-number-of-islands', 'lc-0215-kth-largest-element-in-an-array'],
        source: { file: SEED.bigTechInterview16Week, section: BIG_TECH_WEEK_16_PLAYBOOK }
      },
      {
        id: 'design-1',
        kind: 'design',
        title: 'System design',
        focus: 'A read-heavy product system: requirements, estimates, a design that meets them, its bottlenecks.',
        durationMin: 60,
        rubricId: 'system-design-mock',
        questionLevel: 'senior',
        suggestedQuestionIds: ['twitter-home-timeline', 'url-shortener-10m-day'],
        source: { file: SEED.bigTechInterview16Week, section: BIG_TECH_WEEK_16_PLAYBOOK }
      },
      {
        id: 'behavioral',
        kind: 'behavioral',
        title: 'Behavioral',
        focus: 'STAR stories: a failure owned, work across teams.',
        durationMin: 45,
        rubricId: 'behavioral-leadership',
        questionLevel: 'senior',
        suggestedQuestionIds: ['failure-and-learning', 'cross-functional-collaboration'],
        source: { file: SEED.bigTechInterview16Week, section: BIG_TECH_WEEK_16_PLAYBOOK }
      }
    ]
  },
  {
    id: 'staff',
    level: 'staff',
    name: 'Staff engineer loop',
    summary:
      'One coding round, two system designs (one of them ML serving), one leadership round: the staff roadmap’s architecture reviews and leadership weeks.',
    schedule: 'one-day',
    source: { file: SEED.staffEngineer24Week, section: 'WEEK 24 — Synthesis, Portfolio & Career Launch' },
    rounds: [
      {
        id: 'coding-1',
        kind: 'coding',
        title: 'Coding: DS&A',
        focus: 'One medium problem; the staff bar for code is the senior bar.',
        durationMin: 45,
        rubricId: 'coding-mock',
        difficulty: 'medium',
        suggestedQuestionIds: ['lru-cache', 'lc-0347-top-k-frequent-elements'],
        source: { file: SEED.bigTechInterview16Week, section: BIG_TECH_WEEK_16 }
      },
      {
        id: 'design-1',
        kind: 'design',
        title: 'System design: distributed systems',
        focus:
          'A distributed system at staff scope: partitioning, consistency, failure, trade-offs said against needs.',
        durationMin: 60,
        rubricId: 'system-design-mock',
        questionLevel: 'staff',
        suggestedQuestionIds: ['distributed-message-queue', 'payment-processing-system'],
        source: { file: SEED.staffEngineer24Week, section: 'WEEK 21 — Staff-Level Architecture Reviews' }
      },
      {
        id: 'design-2',
        kind: 'design',
        title: 'System design: ML serving',
        focus: 'An ML system in production: framing, features, serving within a latency budget, drift.',
        durationMin: 60,
        rubricId: 'ml-system-design',
        questionLevel: 'staff',
        suggestedQuestionIds: ['low-latency-inference-api', 'feature-store-batch-online'],
        source: { file: SEED.bigTechInterview16Week, section: 'Week 13 – System Design Primer' }
      },
      {
        id: 'leadership',
        kind: 'behavioral',
        title: 'Leadership and behavioral',
        focus: 'Influence without authority, defending a decision across teams.',
        durationMin: 45,
        rubricId: 'behavioral-leadership',
        questionLevel: 'staff',
        suggestedQuestionIds: ['influence-without-authority', 'defend-architecture-decision'],
        source: { file: SEED.staffEngineer24Week, section: 'WEEK 16 — Technical Leadership Preparation' }
      }
    ]
  },
  {
    id: 'principal-ai-architect',
    level: 'principal',
    name: 'Principal AI architect loop',
    summary:
      'One coding round, one ML system design, one architecture and strategy round, one leadership round: the 60-day plan’s principal-level question types.',
    schedule: 'spread',
    source: { file: SEED.principalAiArchitect60Day, section: 'Principal AI Architect Level' },
    rounds: [
      {
        id: 'coding-1',
        kind: 'coding',
        title: 'Coding: ML from scratch',
        focus: 'Implement an ML building block (k-means) cleanly, with its complexity and edge cases.',
        durationMin: 45,
        rubricId: 'coding-mock',
        difficulty: 'medium',
        suggestedQuestionIds: ['k-means', 'lc-0973-k-closest-points-to-origin'],
        source: { file: SEED.principalAiArchitect60Day, section: 'Senior ML Engineer Level' }
      },
      {
        id: 'ml-design',
        kind: 'design',
        title: 'ML system design',
        focus: 'A real-time ML system end to end: data, features, model, serving, monitoring and cost.',
        durationMin: 60,
        rubricId: 'ml-system-design',
        questionLevel: 'principal',
        suggestedQuestionIds: ['ml-fraud-detection-system', 'serving-100-plus-models'],
        source: { file: SEED.principalAiArchitect60Day, section: 'Day 53: System Design Mock Interview #1' }
      },
      {
        id: 'architecture-strategy',
        kind: 'design',
        title: 'Architecture and strategy',
        focus: 'A platform for many teams, build versus buy, a multi-year direction and its cost.',
        durationMin: 60,
        rubricId: 'ml-system-design',
        questionLevel: 'principal',
        suggestedQuestionIds: ['ml-platform-500-data-scientists', 'build-vs-buy-ml-tools'],
        source: { file: SEED.principalAiArchitect60Day, section: 'Principal AI Architect Level' }
      },
      {
        id: 'leadership',
        kind: 'behavioral',
        title: 'Leadership',
        focus: 'Driving adoption across an organisation, justifying an investment to executives.',
        durationMin: 45,
        rubricId: 'behavioral-leadership',
        questionLevel: 'principal',
        suggestedQuestionIds: ['drive-ml-platform-adoption', 'justify-ml-infrastructure-investment'],
        source: { file: SEED.principalAiArchitect60Day, section: 'Day 56: Leadership & Strategy Interview Prep' }
      }
    ]
  }
];

/** The template for a target level (one per level). */
export function loopTemplateFor(level: LoopLevel): LoopTemplateSpec {
  return LOOP_TEMPLATES.find((t) => t.level === level) as LoopTemplateSpec;
}

/** The template with this id, or undefined. */
export function getLoopTemplate(id: string): LoopTemplateSpec | undefined {
  return LOOP_TEMPLATES.find((t) => t.id === id);
}
