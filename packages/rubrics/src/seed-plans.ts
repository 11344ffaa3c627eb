/** The five roadmap documents by file name, and the short name a person sees for each (no zod: pages import it). */
/** Seed file names, by the plan they hold. */
export const SEED = {
  principalAiArchitect60Day: '000_0efd650f91282031.txt',
  mlToArchitect20Week: '001_0623562a32dd40aa.txt',
  architectInterview10Day: '002_d591f96302e8b18c.txt',
  staffEngineer24Week: '003_bc27b5a5676389fe.txt',
  bigTechInterview16Week: '004_a7d97f90e27aa361.txt'
} as const;

export const SEED_FILES = [
  SEED.principalAiArchitect60Day,
  SEED.mlToArchitect20Week,
  SEED.architectInterview10Day,
  SEED.staffEngineer24Week,
  SEED.bigTechInterview16Week
] as const;

export type SeedFile = (typeof SEED_FILES)[number];

/** The name a person sees for each plan, e.g. in "60-day plan · Day 16". */
export const SEED_PLAN_NAMES: Record<SeedFile, string> = {
  [SEED.principalAiArchitect60Day]: '60-day plan',
  [SEED.mlToArchitect20Week]: '20-week plan',
  [SEED.architectInterview10Day]: '10-day plan',
  [SEED.staffEngineer24Week]: '24-week roadmap',
  [SEED.bigTechInterview16Week]: '16-week roadmap'
};
