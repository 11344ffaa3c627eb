/**
 * Each roadmap becomes a plan whose units and tasks are the seed's own words: checked against the committed seed
 * index (which `npm run seeds:verify` checks against the roadmaps), with passages copied from the roadmaps.
 */
import { describe, expect, it } from 'vitest';
import { isTracedToSeed } from '../seed-index.ts';
import { SEED } from '../seed-plans.ts';
import { roadmap, type Roadmap } from './roadmaps.ts';

const texts = (road: Roadmap, key: string) => road.units.find((u) => u.key === key)!.tasks.map((t) => t.text);
const traced = (road: Roadmap) => road.units.every((u) => isTracedToSeed({ file: road.file, section: u.title }));

describe('the roadmaps as plans', () => {
  it('60-day plan: 60 days in four phases, each day its bullets', () => {
    const road = roadmap(SEED.principalAiArchitect60Day);
    expect(road.units.map((u) => u.n)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    expect(road.unitDays).toBe(1);
    expect(road.units[1]!.title).toBe('Day 2: Classical ML Algorithms Deep Dive');
    expect(texts(road, 'd02')).toEqual([
      'Decision Trees, Random Forests, Gradient Boosting',
      'When to use tree-based vs linear models',
      'XGBoost, LightGBM, CatBoost comparison',
      'Feature importance and interpretability',
      'Hyperparameter tuning strategies',
      'Handling imbalanced data in production',
      'Interview Focus: Algorithm selection trade-offs'
    ]);
    expect(new Set(road.units.map((u) => u.phase)).size).toBe(4);
    expect(road.units[15]!.phase).toBe('PHASE 2: SYSTEM DESIGN & ARCHITECTURE (Days 16-30)');
    expect(road.units.find((u) => u.key === 'd16')!.teaches).toEqual(
      expect.arrayContaining(['requirements', 'estimation', 'tradeoffs'])
    );
    expect(road.units.find((u) => u.key === 'd53')!.mocks.map((m) => m.kind)).toEqual(['design']);
    expect(traced({ ...road, units: road.units.slice(1) })).toBe(true);
  });

  it('20-week plan: the week folders, the timeline phases, the weekly workflow on its days', () => {
    const road = roadmap(SEED.mlToArchitect20Week);
    expect(road.units.map((u) => u.title).slice(0, 5)).toEqual([
      'week-1-design-patterns',
      'week-2-system-design',
      'week-3-modularity',
      'week-4-decision-making',
      'week-5-message-queues'
    ]);
    expect(road.units).toHaveLength(20);
    expect(road.units[19]!.title).toBe('week-20-optimization');
    expect(road.units[8]!.phase).toBe('AI Architecture');
    expect(road.units[8]!.goal).toBe('Design production AI systems');
    const tasks = road.units[0]!.tasks;
    expect(tasks.slice(0, 4).map((t) => [t.label, t.text, t.days])).toEqual([
      ['Monday: Learn', "Read the week's lessons", [0, 0]],
      ['Monday: Learn', 'Watch recommended videos', [0, 0]],
      ['Monday: Learn', 'Study code examples', [0, 0]],
      ['Tuesday-Thursday: Build', 'Complete exercises', [1, 3]]
    ]);
    expect(road.units.find((u) => u.key === 'w06')!.teaches).toContain('scalability');
  });

  it('10-day plan: ten days of sessions and extra reading', () => {
    const road = roadmap(SEED.architectInterview10Day);
    expect(road.units.map((u) => u.title)[3]).toBe('Day 4 – Databases');
    expect(road.units).toHaveLength(10);
    expect(road.units[3]!.tasks.map((t) => [t.label, t.text])).toEqual([
      ['Session 1 (2 hrs)', 'SQL – MySQL & PostgreSQL review'],
      ['Session 2 (3 hrs)', 'NoSQL – DynamoDB, Couchbase basics'],
      ['Session 3 (3 hrs)', 'Indexing & query optimization'],
      ['Session 4 (2 hrs)', 'Database integration with Django ORM and Flask SQLAlchemy'],
      ['Extra Reading', 'CAP theorem & distributed DB design']
    ]);
    expect(traced(road)).toBe(true);
  });

  it("24-week roadmap: each week's goal, project, readings, daily micro-tasks, checklist and assessment", () => {
    const road = roadmap(SEED.staffEngineer24Week);
    expect(road.units).toHaveLength(24);
    expect(road.unitDays).toBe(7);
    const week1 = road.units[0]!;
    expect(week1.title).toBe('WEEK 01 — Programming Fundamentals Mastery');
    expect(week1.phase).toBe('WEEKS 01-04: Foundations & Core Programming');
    expect(week1.goal).toBe('Build rock-solid programming foundations with algorithmic thinking');
    expect(week1.tasks.filter((t) => t.label === 'Checklist').map((t) => t.text)).toEqual([
      'Implement all basic data structures from scratch',
      'Solve 25 LeetCode easy problems with O(n) solutions',
      'Complete task manager with full CRUD functionality',
      'Set up Python development environment with virtualenv'
    ]);
    expect(week1.tasks.filter((t) => t.daily).map((t) => t.text)).toEqual([
      'Morning: 2 hours theory (concepts + documentation)',
      'Afternoon: 2 hours coding practice (implement data structures)',
      'Evening: 1 hour problem-solving (LeetCode)'
    ]);
    expect(week1.tasks[0]).toMatchObject({
      label: 'Mini-Project: Command-line Task Manager',
      text: 'Implement CRUD operations for tasks with JSON storage'
    });
    expect(road.units.map((u) => u.mocks[0]?.rubricId)).toEqual(
      road.units.map((u) => `staff-week-${String(u.n).padStart(2, '0')}`)
    );
    expect(traced(road)).toBe(true);
  });

  it('16-week roadmap: the checklist of each week and the playbook day by day', () => {
    const road = roadmap(SEED.bigTechInterview16Week);
    expect(road.units).toHaveLength(16);
    expect(road.units[4]!.title).toBe('Week 5 · *Arrays & Hashing*');
    expect(road.units[4]!.phase).toBe('LeetCode Pattern Pass ①');
    expect(road.units[0]!.tasks.filter((t) => t.label === 'Checklist').map((t) => t.text)[1]).toBe(
      'Create **Learning Ledger** (Notion/Obsidian) with pages: `Goals`, `Oops List`, `Daily Log`.'
    );
    const tuesday = road.units[4]!.tasks.filter((t) => t.label === 'Tue');
    expect(tuesday.map((t) => [t.text, t.days])).toEqual([
      ['Guided LC: **LC-217 Contains Duplicate** + **LC-242 Valid Anagram** (editorial allowed).', [1, 1]],
      ['Copy solutions into `arrays_hashing.py`; add doctest examples.', [1, 1]]
    ]);
    expect(road.units[4]!.mocks).toEqual([
      expect.objectContaining({ kind: 'coding', pattern: 'arrays-hashing', day: 2 })
    ]);
    expect(road.units[15]!.mocks.map((m) => m.kind)).toEqual(['coding', 'behavioral', 'design']);
    expect(road.units[15]!.tasks.some((t) => t.text.startsWith('2 DS&A mocks (Pramp)'))).toBe(true);
    expect(traced(road)).toBe(true);
  });
});
