/** The five roadmap documents that rubrics and study references are traced to, and the short names labels use. */
import { z } from 'zod';

export { SEED, SEED_FILES, SEED_PLAN_NAMES, type SeedFile } from './seed-plans.ts';
import { SEED_FILES } from './seed-plans.ts';

/** A place in a seed: its file and a heading (or, for the 20-week plan, a folder name) that occurs verbatim in it. */
export const sourceSchema = z.object({
  file: z.enum(SEED_FILES),
  section: z.string().min(3)
});

export type Source = z.infer<typeof sourceSchema>;
