/**
 * What the roadmaps say, kept in the repository as facts (headings, cited passages, the pattern table, the staff
 * weeks' rubrics) so the citation checks run on any clone. `npm run seeds:index` regenerates `seed-index.json`
 * from the roadmaps where they are present; `npm run seeds:verify` checks it (CI does, beside the roadmaps).
 */
import { z } from 'zod';
import json from './seed-index.json' with { type: 'json' };
import { SEED_FILES, type Source } from './seeds.ts';

const roadmapSchema = z.object({
  file: z.enum(SEED_FILES),
  plan: z.string(),
  /** SHA-256 of the roadmap the facts were read from: a changed roadmap fails `seeds:verify`. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** Every Markdown heading and every line that is bold from end to end, without its `#`s. */
  headings: z.array(z.string()),
  /** The passages our rubrics, study plan and questions cite that are not inside a heading, each found verbatim. */
  citedPassages: z.array(z.string())
});

const planTaskSchema = z.object({
  /** What the roadmap files it under: "Session 1 (2 hrs)", "Checklist", "Mon", "Monday: Learn"; null for a bullet. */
  label: z.string().nullable(),
  text: z.string().min(1),
  /** The days of the unit it is for (0 its first day), or null: any day of it. */
  days: z.tuple([z.int().min(0), z.int().min(0)]).nullable(),
  /** Done every day of the unit ("Daily Micro-Tasks"), not once. */
  daily: z.boolean()
});

/** A roadmap as a plan: its days or weeks in order, each with its phase and its tasks, verbatim. */
const seedPlanSchema = z.object({
  file: z.enum(SEED_FILES),
  /** 1: a plan by day; 7: by week. */
  unitDays: z.int().min(1),
  units: z.array(
    z.object({
      n: z.int().min(1),
      title: z.string(),
      phase: z.string(),
      goal: z.string().nullable(),
      tasks: z.array(planTaskSchema)
    })
  )
});

export type SeedPlan = z.infer<typeof seedPlanSchema>;

export const seedIndexSchema = z.object({
  roadmaps: z.array(roadmapSchema),
  /** The 16-week roadmap's LeetCode pattern tables (Phases 2 and 3), in order; "＋" written "+". */
  codingPatterns: z.array(z.object({ week: z.number().int(), name: z.string() })),
  /** The staff roadmap's "### WEEK NN — Theme" sections with their "**Evaluation Rubric:**" items. */
  staffWeeks: z.array(
    z.object({
      week: z.string(),
      heading: z.string(),
      rubric: z.array(z.object({ name: z.string(), weight: z.number() }))
    })
  ),
  /** Each roadmap read as a plan (tools/seeds/plan-units.ts). */
  plans: z.array(seedPlanSchema)
});

export type SeedIndex = z.infer<typeof seedIndexSchema>;

export const seedIndex: SeedIndex = seedIndexSchema.parse(json);

/** Whether a citation was found in its roadmap: inside one of its headings, or as a passage checked verbatim. */
export function isTracedToSeed(source: Source, index: SeedIndex = seedIndex): boolean {
  const roadmap = index.roadmaps.find((r) => r.file === source.file);
  if (!roadmap) return false;
  return roadmap.headings.some((h) => h.includes(source.section)) || roadmap.citedPassages.includes(source.section);
}
