/** The 60-minute system design mock, built on the 60-day plan's design framework (Day 16) and mocks (Days 53–55). */
import type { Rubric } from '../schema.ts';
import { SEED } from '../seeds.ts';
import { STANDARD_HIRE_THRESHOLDS } from './thresholds.ts';

export const systemDesignMock: Rubric = {
  id: 'system-design-mock',
  version: 1,
  title: 'System design mock (60 minutes)',
  kind: 'design',
  source: { file: SEED.principalAiArchitect60Day, section: 'Day 16: ML System Design Framework' },
  alsoFrom: [
    { file: SEED.principalAiArchitect60Day, section: 'Day 53: System Design Mock Interview #1' },
    { file: SEED.principalAiArchitect60Day, section: 'Day 54: System Design Mock Interview #2' },
    { file: SEED.principalAiArchitect60Day, section: 'Day 55: System Design Mock Interview #3' },
    { file: SEED.principalAiArchitect60Day, section: 'Day 59: Final Review & Weak Areas' }
  ],
  hireThresholds: STANDARD_HIRE_THRESHOLDS,
  criteria: [
    {
      id: 'requirements',
      name: 'Requirements gathering',
      weight: 15,
      competency: 'requirements',
      description: 'Clarifies users, functional scope and non-functional targets before designing.',
      levels: {
        1: 'Starts drawing boxes without asking what the system must do.',
        2: 'Asks a few questions but leaves scale, latency or consistency needs unstated.',
        3: 'Pins down core use cases, out-of-scope items and measurable non-functional targets.',
        4: 'Finds the requirement that decides the design and agrees priorities with the interviewer.'
      }
    },
    {
      id: 'capacity-estimation',
      name: 'Capacity estimation',
      weight: 10,
      competency: 'estimation',
      description: 'Back-of-envelope numbers for traffic, storage and bandwidth that the design then uses.',
      levels: {
        1: 'No numbers, or numbers off by orders of magnitude.',
        2: 'Some estimates, with slips or never used afterwards.',
        3: 'Sound QPS, storage and bandwidth estimates, peaks included, that size the components.',
        4: 'Quick, stated-assumption estimates that expose the real constraint and drive key choices.'
      }
    },
    {
      id: 'high-level-design',
      name: 'High-level design',
      weight: 20,
      competency: 'architecture',
      critical: true,
      description: 'A coherent end-to-end design: components, APIs, data flow and storage.',
      levels: {
        1: 'No workable end-to-end design by the end of the session.',
        2: 'Main components present, but data flow or APIs are unclear or inconsistent.',
        3: 'A clear design that meets the requirements, with APIs and data flow walked through.',
        4: 'A simple, well-partitioned design whose every component earns its place.'
      }
    },
    {
      id: 'deep-dives',
      name: 'Deep dives',
      weight: 15,
      competency: 'data-modeling',
      description: 'Goes deep on the hardest components: data model, partitioning, consistency, algorithms.',
      levels: {
        1: 'Stays at box level when asked to go deeper.',
        2: 'Goes deeper on one component, with gaps in the data model or consistency.',
        3: 'Solid deep dives on the critical components, data model and consistency included.',
        4: 'Picks the right components to dive into unprompted and shows expert-level detail.'
      }
    },
    {
      id: 'trade-offs',
      name: 'Trade-offs',
      weight: 15,
      competency: 'tradeoffs',
      description: 'Compares alternatives and justifies choices against the requirements.',
      levels: {
        1: 'Presents choices as the only option.',
        2: 'Names alternatives without weighing them.',
        3: 'Weighs options on latency, consistency, cost and complexity, and justifies each choice.',
        4: 'Frames trade-offs in terms of the requirements and says what would change the decision.'
      }
    },
    {
      id: 'bottleneck-analysis',
      name: 'Bottleneck analysis',
      weight: 10,
      competency: 'scalability',
      description: 'Finds where the design breaks under load or failure and how to relieve it.',
      levels: {
        1: 'Does not look for bottlenecks or single points of failure.',
        2: 'Spots an obvious bottleneck when prompted.',
        3: 'Finds the main bottlenecks and failure points and proposes fixes.',
        4: 'Ranks bottlenecks by the numbers and plans how the design evolves at 10x.'
      }
    },
    {
      id: 'communication',
      name: 'Communication',
      weight: 5,
      competency: 'communication',
      description: 'Thinks aloud, structures the session and keeps the interviewer with them.',
      levels: {
        1: 'Long silences or a monologue the interviewer cannot follow.',
        2: 'Understandable, but unstructured or slow to respond to hints.',
        3: 'Structured, clear narration that checks in and takes hints well.',
        4: 'Drives the session like a design review, with diagrams and notes that stand alone.'
      }
    },
    {
      id: 'time-management',
      name: 'Time management',
      weight: 5,
      competency: 'time-management',
      auto: 'phaseTiming',
      description: 'Paces the 60 minutes across requirements, estimation, design, deep dives and wrap-up.',
      levels: {
        1: 'Runs out of time before a complete design, or skips whole phases.',
        2: 'Overruns early phases and rushes deep dives or trade-offs.',
        3: 'Stays close to the phase plan and reaches trade-offs with time to discuss them.',
        4: 'Keeps to the plan and adapts it deliberately when the interviewer steers.'
      }
    },
    {
      id: 'key-point-coverage',
      name: 'Key-point coverage',
      weight: 5,
      competency: 'architecture',
      auto: 'keyPointCoverage',
      description: 'Covers the points a strong answer to this prompt is expected to address.',
      levels: {
        1: 'Misses most of the expected points.',
        2: 'Covers some expected points; important ones missing.',
        3: 'Covers most expected points.',
        4: 'Covers nearly all expected points, and more besides.'
      }
    }
  ]
};
