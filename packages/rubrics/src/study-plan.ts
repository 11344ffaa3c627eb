/**
 * Where the roadmaps teach each competency and coding pattern: what to study when an area keeps scoring low. Free of
 * zod: the roadmap page imports it to lay out the units these references link to.
 */
import { competencies, type CompetencyId } from './competency-list.ts';
import type { PatternId } from './patterns.ts';
import { SEED, SEED_FILES, SEED_PLAN_NAMES, type SeedFile } from './seed-plans.ts';

export type StudyRef = {
  file: SeedFile;
  /** A heading verbatim from the seed (for the 20-week plan, its folder name for the week). */
  section: string;
  /** What a person sees, e.g. "60-day plan · Day 16". */
  label: string;
  /** What this place teaches for the competency or pattern. */
  topic: string;
};

function ref(file: SeedFile, section: string, unit: string, topic: string): StudyRef {
  return { file, section, label: `${SEED_PLAN_NAMES[file]} · ${unit}`, topic };
}

const { principalAiArchitect60Day: D60, mlToArchitect20Week: W20, architectInterview10Day: D10 } = SEED;
const { staffEngineer24Week: W24, bigTechInterview16Week: W16 } = SEED;

const day16 = 'Day 16: ML System Design Framework';
const day57 = 'Day 57: Behavioral Interview Preparation';
const day59 = 'Day 59: Final Review & Weak Areas';
const staff = {
  w01: 'WEEK 01 — Programming Fundamentals Mastery',
  w02: 'WEEK 02 — Data Structures & Algorithmic Thinking',
  w04: 'WEEK 04 — Backend API Development',
  w09: 'WEEK 09 — System Design Fundamentals',
  w11: 'WEEK 11 — Distributed Systems Deep Dive',
  w16: 'WEEK 16 — Technical Leadership Preparation',
  w23: 'WEEK 23 — Incident Management & Production Leadership'
};
const bigTech = {
  w02: 'PHASE 1 · Week 2 · "Python Fundamentals I"',
  w03: 'PHASE 1 · Week 3 · "Python OOP + FlashCard CLI"',
  w05: 'Week 5 · *Arrays & Hashing*',
  w06: 'Week 6 · *Two Pointers & Sliding Window*',
  w08: 'Week 8 · *Prefix Sum / Intervals*',
  w10: 'Week 10 · *Heaps / Priority Queue*',
  w13: 'Week 13 · *System-Design Primer*',
  w16: 'Week 16 · *Mock Interviews, Resume Polish, Outreach*'
};
const tenDay = {
  d02: 'Day 2 – Advanced Backend & Microservices',
  d09: 'Day 9 – Mock Projects & Interview Prep'
};

export const competencyStudyPlan: Record<CompetencyId, readonly StudyRef[]> = {
  requirements: [
    ref(D60, day16, 'Day 16', 'Requirements gathering, functional and non-functional'),
    ref(D60, 'Day 41: ML Project Scoping & Planning', 'Day 41', 'Feasibility analysis and scoping'),
    ref(D60, day57, 'Day 57', 'Dealing with ambiguity'),
    ref(D10, 'Day 8 – AI Solution Architecture', 'Day 8', 'Designing AI-first solutions and proposals'),
    ref(W20, 'week-17-architecture-design', 'Week 17', 'Capstone architecture design')
  ],
  estimation: [
    ref(D60, day16, 'Day 16', 'Capacity estimation and back-of-envelope calculations'),
    ref(W24, staff.w09, 'Week 9', 'Sizing a service for 10M+ requests a day'),
    ref(W16, bigTech.w13, 'Week 13', 'QPS and p99 latency estimates'),
    ref(D60, 'Day 36: ML at Scale - Performance & Reliability', 'Day 36', 'Scaling from 1K to 1M requests/sec')
  ],
  architecture: [
    ref(W20, 'week-1-design-patterns', 'Week 1', 'Design patterns and SOLID principles'),
    ref(W20, 'week-3-modularity', 'Week 3', 'Modularity'),
    ref(W24, 'WEEK 07 — Microservices Architecture', 'Week 7', 'Service decomposition and communication'),
    ref(W24, staff.w04, 'Week 4', 'REST API design'),
    ref(D10, tenDay.d02, 'Day 2', 'Microservices, API gateway and versioning'),
    ref(D60, 'Day 33: ML Architecture Patterns & Anti-Patterns', 'Day 33', 'Architecture patterns and anti-patterns')
  ],
  scalability: [
    ref(W20, 'week-6-caching-strategies', 'Week 6', 'Caching strategies'),
    ref(W20, 'week-15-scalability', 'Week 15', 'Scalability'),
    ref(W24, staff.w09, 'Week 9', 'Load balancing, sharding, replication and caching'),
    ref(W24, 'WEEK 10 — Advanced Backend Optimization', 'Week 10', 'Caching patterns and database optimisation'),
    ref(W24, 'WEEK 14 — Performance Engineering Mastery', 'Week 14', 'Profiling and bottleneck analysis'),
    ref(D60, 'Day 36: ML at Scale - Performance & Reliability', 'Day 36', 'Scalability patterns and caching for ML'),
    ref(W16, bigTech.w13, 'Week 13', 'Load balancers, caches, sharding and replication')
  ],
  'data-modeling': [
    ref(W24, 'WEEK 05 — Database Design & SQL Mastery', 'Week 5', 'Schema design, normalisation and constraints'),
    ref(W24, staff.w11, 'Week 11', 'Transaction consistency and sagas'),
    ref(W24, 'WEEK 18 — Global Systems & Multi-Region Deployment', 'Week 18', 'Cross-region data consistency'),
    ref(W20, 'week-7-database-patterns', 'Week 7', 'Database patterns'),
    ref(D10, 'Day 4 – Databases', 'Day 4', 'SQL, NoSQL, indexing and the CAP theorem'),
    ref(D60, 'Day 24: Feature Store Deep Dive', 'Day 24', 'Point-in-time correctness and consistency')
  ],
  tradeoffs: [
    ref(D60, day16, 'Day 16', 'Deep dives and trade-offs'),
    ref(D60, 'Day 32: Technology Selection & Evaluation', 'Day 32', 'Evaluation frameworks, build vs buy, risk'),
    ref(W20, 'week-4-decision-making', 'Week 4', 'Architecture decision-making'),
    ref(W24, staff.w09, 'Week 9', 'Architecture trade-offs analysis'),
    ref(W24, 'WEEK 21 — Staff-Level Architecture Reviews', 'Week 21', 'Trade-off analysis and risk assessment')
  ],
  reliability: [
    ref(W24, 'WEEK 08 — Cloud Deployment & DevOps', 'Week 8', 'Infrastructure as code, CI/CD and monitoring'),
    ref(W24, staff.w11, 'Week 11', 'Circuit breakers, bulkheads and fault tolerance'),
    ref(W24, staff.w23, 'Week 23', 'Incident response, SLOs and postmortems'),
    ref(W20, 'week-16-disaster-recovery', 'Week 16', 'Disaster recovery'),
    ref(D60, 'Day 36: ML at Scale - Performance & Reliability', 'Day 36', 'High availability and disaster recovery'),
    ref(D10, 'Day 3 – Docker & Deployment Basics', 'Day 3', 'Containers and deployment')
  ],
  security: [
    ref(W24, 'WEEK 12 — Security & Compliance Implementation', 'Week 12', 'OAuth2/OIDC, RBAC/ABAC and encryption'),
    ref(W24, 'WEEK 17 — Enterprise Architecture Design', 'Week 17', 'API governance and enterprise security'),
    ref(W20, 'week-13-security', 'Week 13', 'Security'),
    ref(W20, 'week-14-compliance', 'Week 14', 'Compliance'),
    ref(D10, tenDay.d02, 'Day 2', 'Authentication and authorisation with JWT and OAuth2'),
    ref(D60, 'Day 42: Ethics, Fairness & Responsible AI', 'Day 42', 'Privacy and regulatory compliance')
  ],
  'ml-lifecycle': [
    ref(
      D60,
      'Week 2: ML Production Engineering (Days 8-15)',
      'Days 8–15',
      'Features, training, serving, MLOps, monitoring'
    ),
    ref(D60, 'Day 12: Model Monitoring & Observability', 'Day 12', 'Drift detection and retraining triggers'),
    ref(D60, 'Day 27: Model Lifecycle Management', 'Day 27', 'Model registry, versioning and retraining'),
    ref(W20, 'week-12-evaluation-monitoring', 'Week 12', 'Evaluation and monitoring'),
    ref(W24, 'WEEK 13 — AI/ML Engineering Fundamentals', 'Week 13', 'ML pipelines, serving, A/B tests and drift'),
    ref(W24, 'WEEK 19 — Advanced AI Systems & MLOps', 'Week 19', 'RAG, MLOps automation and model governance'),
    ref(W16, 'Week 15 · *Docker, MLflow, Monitoring*', 'Week 15', 'Experiment tracking and drift monitoring'),
    ref(D10, 'Day 6 – AI/ML Advanced & NLP', 'Day 6', 'Feature engineering and serving models over REST')
  ],
  correctness: [
    ref(W24, staff.w01, 'Week 1', 'Working, tested code'),
    ref(W24, staff.w02, 'Week 2', 'Correct data-structure implementations'),
    ref(W16, bigTech.w03, 'Week 3', 'Unit tests with at least 80% coverage'),
    ref(W16, bigTech.w05, 'Week 5', 'Timed solves with a self-review of every bug')
  ],
  complexity: [
    ref(W24, staff.w02, 'Week 2', 'Time and space complexity analysis'),
    ref(
      W16,
      'PHASE 0 · Week 1 · "Bootstrap & Habits"',
      'Week 1',
      'The runtime-to-algorithm cheat sheet and Big-O cards'
    ),
    ref(W16, bigTech.w16, 'Week 16', 'Complexity articulation, a recurring gap the mocks name')
  ],
  'edge-cases': [
    ref(W24, staff.w02, 'Week 2', 'Edge case handling'),
    ref(W24, staff.w04, 'Week 4', 'Comprehensive error handling'),
    ref(W16, bigTech.w02, 'Week 2', 'Robust edge handling in a small function'),
    ref(W16, bigTech.w08, 'Week 8', 'Interval edge cases'),
    ref(W16, bigTech.w16, 'Week 16', 'Edge-case enumeration, a recurring gap the mocks name')
  ],
  'code-quality': [
    ref(W24, staff.w01, 'Week 1', 'Readability, comments and type hints'),
    ref(W16, bigTech.w03, 'Week 3', 'Classes, docstrings, tests and refactoring'),
    ref(W20, 'week-1-design-patterns', 'Week 1', 'Refactoring ML code with design patterns'),
    ref(D10, 'Day 10 – Final Review & Portfolio', 'Day 10', 'Code clean-up and README polish')
  ],
  communication: [
    ref(D60, 'Day 39: Stakeholder Management', 'Day 39', 'Explaining technical decisions to executives'),
    ref(D60, day59, 'Day 59', 'Communication practice'),
    ref(W24, staff.w16, 'Week 16', 'Cross-team technical communication'),
    ref(W24, 'WEEK 22 — RFC Writing & Technical Proposals', 'Week 22', 'RFCs and stakeholder communication'),
    ref(W16, bigTech.w16, 'Week 16', 'Mock loops with recorded feedback'),
    ref(D10, tenDay.d09, 'Day 9', 'API docs and architecture diagrams')
  ],
  'time-management': [
    ref(D60, 'Day 53: System Design Mock Interview #1', 'Day 53', 'A full 60-minute design against the clock'),
    ref(D60, day59, 'Day 59', 'Time management for interviews'),
    ref(W16, bigTech.w02, 'Week 2', 'Easy problems timed at 15 minutes'),
    ref(W16, bigTech.w06, 'Week 6', 'Mediums timed at 30 minutes'),
    ref(W16, bigTech.w10, 'Week 10', 'A hard allowed 60 minutes'),
    ref(W16, bigTech.w16, 'Week 16', 'Timed mock loops')
  ],
  leadership: [
    ref(D60, 'Day 38: Technical Leadership', 'Day 38', 'Influence without authority and mentoring'),
    ref(D60, 'Day 44: Change Management', 'Day 44', 'Driving adoption and handling resistance'),
    ref(D60, 'Day 56: Leadership & Strategy Interview Prep', 'Day 56', 'Conflict resolution and STAR stories'),
    ref(D60, day57, 'Day 57', 'Behavioral stories: ambiguity, failure, mentoring'),
    ref(W24, staff.w16, 'Week 16', 'Architecture reviews and mentoring'),
    ref(W24, staff.w23, 'Week 23', 'Blameless postmortems and a learning culture'),
    ref(D10, tenDay.d09, 'Day 9', 'Behavioral interview preparation')
  ],
  impact: [
    ref(D60, 'Day 37: Cost Optimization Architecture', 'Day 37', 'Cost modelling and ROI'),
    ref(D60, 'Day 40: Business Case for ML', 'Day 40', 'ROI, prioritisation and success metrics'),
    ref(W20, 'week-11-cost-optimization', 'Week 11', 'Cost optimisation'),
    ref(W24, 'WEEK 20 — Platform Engineering & Developer Experience', 'Week 20', 'Usability, DevEx and adoption'),
    ref(W24, 'WEEK 03 — Web Development Foundations', 'Week 3', 'User experience quality')
  ]
};

export const patternStudyPlan: Record<PatternId, readonly StudyRef[]> = {
  'arrays-hashing': [
    ref(W16, bigTech.w05, 'Week 5', 'Frequency maps and constant-time look-ups'),
    ref(W16, bigTech.w02, 'Week 2', 'Easy array and string problems'),
    ref(W24, staff.w02, 'Week 2', 'Hash tables, collision resolution and load factors')
  ],
  'two-pointers-sliding-window': [ref(W16, bigTech.w06, 'Week 6', 'Fixed and dynamic windows, opposite-end pointers')],
  'stack-queue-monotonic': [
    ref(W16, 'Week 7 · *Stack / Queue / Monotonic*', 'Week 7', 'LIFO context and monotonic next-greater queries'),
    ref(W16, 'PHASE 1 · Week 4 · "Iterators, Generators, DS from Scratch"', 'Week 4', 'Stack and queue from scratch')
  ],
  'prefix-sum-intervals': [ref(W16, bigTech.w08, 'Week 8', 'Range sums, merging and sweep lines')],
  'binary-search-trees': [
    ref(W16, 'Week 9 · *Binary Search + Trees*', 'Week 9', 'Binary search invariants and BST properties'),
    ref(W24, staff.w02, 'Week 2', 'Binary search trees and traversals'),
    ref(W24, staff.w01, 'Week 1', 'Searching and recursion')
  ],
  'heaps-priority-queue': [
    ref(W16, bigTech.w10, 'Week 10', 'Top-k, k-way merge and running medians'),
    ref(W24, staff.w02, 'Week 2', 'Heap sort')
  ],
  'tries-backtracking': [
    ref(W16, 'Week 11 · *Tries & Backtracking*', 'Week 11', 'Prefix trees, permutations and pruning'),
    ref(W24, staff.w01, 'Week 1', 'Recursion')
  ],
  graphs: [
    ref(W16, 'Week 12 · *Graphs (BFS / DFS / Union-Find)*', 'Week 12', 'BFS, DFS and union-find'),
    ref(W24, staff.w02, 'Week 2', 'Graph traversal with DFS and BFS')
  ]
};

/** The study references for a competency or a coding pattern (empty for an unknown id). */
export function studyRefsFor(id: string): readonly StudyRef[] {
  return (
    (competencyStudyPlan as Record<string, readonly StudyRef[]>)[id] ??
    (patternStudyPlan as Record<string, readonly StudyRef[]>)[id] ??
    []
  );
}

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** The id of a roadmap unit on the roadmap page: its plan and section, e.g. "60-day-plan-day-16-ml-system-design-framework". */
export function roadmapAnchor(ref: { file: string; section: string }): string {
  return `${slug(SEED_PLAN_NAMES[ref.file as SeedFile] ?? ref.file)}-${slug(ref.section)}`;
}

/** Where a study reference links: its unit on the roadmap page. */
export const roadmapHref = (ref: { file: string; section: string }) => `/roadmaps#${roadmapAnchor(ref)}`;

export interface RoadmapUnit {
  anchor: string;
  section: string;
  /** "Day 16", "Week 5". */
  unit: string;
  /** What it teaches, and for which competency or coding pattern. */
  teaches: { area: string; topic: string }[];
}

/** Every unit the study plan points at, per roadmap, in the roadmap's own order (by day or week). */
export function roadmapUnits(): { file: SeedFile; plan: string; units: RoadmapUnit[] }[] {
  const names = new Map<string, string>(competencies.map((c) => [c.id, c.name]));
  const patternName = (id: string) => id.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase());
  const byAnchor = new Map<string, RoadmapUnit & { file: SeedFile; order: number }>();
  const all = [
    ...Object.entries(competencyStudyPlan).map(([id, refs]) => ({ area: names.get(id) ?? id, refs })),
    ...Object.entries(patternStudyPlan).map(([id, refs]) => ({ area: `Coding: ${patternName(id)}`, refs }))
  ];
  for (const { area, refs } of all) {
    for (const ref of refs) {
      const anchor = roadmapAnchor(ref);
      const unit = ref.label.slice(SEED_PLAN_NAMES[ref.file].length + 3);
      const entry = byAnchor.get(anchor) ?? {
        anchor,
        section: ref.section,
        unit,
        teaches: [],
        file: ref.file,
        order: Number(unit.match(/\d+/)?.[0] ?? 0)
      };
      entry.teaches.push({ area, topic: ref.topic });
      byAnchor.set(anchor, entry);
    }
  }
  return SEED_FILES.map((file) => ({
    file,
    plan: SEED_PLAN_NAMES[file],
    units: [...byAnchor.values()]
      .filter((u) => u.file === file)
      .sort((a, b) => a.order - b.order || a.section.localeCompare(b.section))
      .map(({ anchor, section, unit, teaches }) => ({ anchor, section, unit, teaches }))
  }));
}
