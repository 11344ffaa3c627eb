/**
 * The leadership themes behavioral prompts and stories are filed under, from the 60-day plan's Days 43, 56 and 57,
 * the 24-week roadmap's weeks 23–24. Zod-free: pages import it (the schema is in schema.ts).
 */
import { SEED, type SeedFile } from './seed-plans.ts';

/** A place in a roadmap (the shape sourceSchema checks), kept zod-free here for the pages. */
type Source = { file: SeedFile; section: string };

export const LEADERSHIP_THEME_IDS = [
  'influence',
  'conflict',
  'stakeholders',
  'ambiguity',
  'failure',
  'mentoring',
  'innovation',
  'collaboration',
  'strategy',
  'incident',
  'org-design',
  'values',
  'career'
] as const;

export type LeadershipTheme = (typeof LEADERSHIP_THEME_IDS)[number];

export type LeadershipThemeInfo = { id: LeadershipTheme; name: string; source: Source };

const day56 = { file: SEED.principalAiArchitect60Day, section: 'Day 56: Leadership & Strategy Interview Prep' };
const day57 = { file: SEED.principalAiArchitect60Day, section: 'Day 57: Behavioral Interview Preparation' };

export const LEADERSHIP_THEMES: readonly LeadershipThemeInfo[] = [
  { id: 'influence', name: 'Influencing without authority', source: day57 },
  { id: 'conflict', name: 'Conflict resolution', source: day56 },
  { id: 'stakeholders', name: 'Stakeholder management', source: day56 },
  { id: 'ambiguity', name: 'Dealing with ambiguity', source: day57 },
  { id: 'failure', name: 'Failure and learning', source: day57 },
  { id: 'mentoring', name: 'Mentoring and growing others', source: day57 },
  { id: 'innovation', name: 'Innovation', source: day57 },
  { id: 'collaboration', name: 'Cross-functional collaboration', source: day57 },
  { id: 'strategy', name: 'Strategic and architectural decisions', source: day56 },
  {
    id: 'incident',
    name: 'Leading through incidents',
    source: { file: SEED.staffEngineer24Week, section: 'WEEK 23 — Incident Management & Production Leadership' }
  },
  {
    id: 'org-design',
    name: 'Team structure and hiring',
    source: { file: SEED.principalAiArchitect60Day, section: 'Day 43: ML Team Structure & Organization' }
  },
  { id: 'values', name: 'Leadership principles and values', source: day57 },
  {
    id: 'career',
    name: 'Career narrative',
    source: { file: SEED.staffEngineer24Week, section: '- Career narrative development' }
  }
];

export function leadershipThemeName(id: LeadershipTheme): string {
  return LEADERSHIP_THEMES.find((t) => t.id === id)?.name ?? id;
}
