/** The loop templates: one per level, each round a kind's allowed length with an existing rubric of that kind. */
import { describe, expect, it } from 'vitest';
import { getLoopTemplate, LOOP_LEVELS, LOOP_TEMPLATES, loopTemplateFor } from './loop-templates.ts';
import { getRubric } from './rubrics/index.ts';
import { isTracedToSeed } from './seed-index.ts';
import { BEHAVIORAL_LENGTHS_MIN } from './star.ts';

/** The lengths each kind's module allows (apps/api kinds: coding 15–90, design 45/60/90, behavioral 30/45). */
const LENGTHS: Record<string, readonly number[]> = {
  coding: [15, 30, 45, 60, 90],
  design: [45, 60, 90],
  behavioral: [...BEHAVIORAL_LENGTHS_MIN]
};

const kinds = (id: string) => getLoopTemplate(id)!.rounds.map((r) => r.kind);
const count = (id: string, kind: string) => kinds(id).filter((k) => k === kind).length;

describe('loop templates', () => {
  it('has one template per level, found by its level', () => {
    expect(LOOP_TEMPLATES.map((t) => t.level).sort()).toEqual([...LOOP_LEVELS].sort());
    for (const level of LOOP_LEVELS) expect(loopTemplateFor(level).level).toBe(level);
  });

  it.each([
    ['senior', 2, 1, 1],
    ['staff', 1, 2, 1],
    ['principal-ai-architect', 1, 2, 1]
  ] as const)('%s: %i coding, %i design, %i behavioral rounds', (id, coding, design, behavioral) => {
    expect([count(id, 'coding'), count(id, 'design'), count(id, 'behavioral')]).toEqual([coding, design, behavioral]);
    expect(kinds(id)).toHaveLength(4);
  });

  it('gives the principal loop an ML system design round and an architecture and strategy round', () => {
    const titles = getLoopTemplate('principal-ai-architect')!.rounds.map((r) => r.title);
    expect(titles).toContain('ML system design');
    expect(titles).toContain('Architecture and strategy');
  });

  const rounds = LOOP_TEMPLATES.flatMap((t) => t.rounds.map((r) => [`${t.id}/${r.id}`, r] as const));
  it.each(rounds)('%s: a rubric of its kind, a length its kind allows, a traced source', (_name, round) => {
    const rubric = getRubric(round.rubricId);
    expect(rubric?.kind).toBe(round.kind);
    expect(LENGTHS[round.kind]).toContain(round.durationMin);
    expect(round.suggestedQuestionIds.length).toBeGreaterThan(0);
    expect(isTracedToSeed(round.source), round.source.section).toBe(true);
    expect(round.kind === 'coding' ? round.difficulty : round.questionLevel).toBeDefined();
  });

  it.each(LOOP_TEMPLATES.map((t) => [t.id, t] as const))('%s: round ids unique, source traced', (_id, t) => {
    expect(new Set(t.rounds.map((r) => r.id)).size).toBe(t.rounds.length);
    expect(isTracedToSeed(t.source)).toBe(true);
  });
});
