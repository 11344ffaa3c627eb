/**
 * `npm run seeds:index` rewrites packages/rubrics/src/seed-index.json from the roadmaps; `npm run seeds:verify`
 * fails when the committed index differs from what the roadmaps say (a roadmap changed, or a new citation was
 * not indexed). The roadmaps are read from ../shared/seeds beside the repository, or MOCKLOOP_SEEDS_DIR.
 */
import { existsSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadQuestionBank } from '@mockloop/question-bank/load';
import {
  competencyStudyPlan,
  LEADERSHIP_THEMES,
  patternStudyPlan,
  rubrics,
  SEED,
  SEED_FILES,
  SEED_PLAN_NAMES
} from '@mockloop/rubrics';
import type { Source } from '@mockloop/rubrics';
import { seedIndexSchema, type SeedIndex } from '@mockloop/rubrics/seed-index';
import { format } from 'prettier';
import { citedPassagesOf, codingPatternRows, headingsOf, sha256, staffWeeksOf } from './extract.ts';
import { planOf } from './plan-units.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const indexFile = path.join(repoRoot, 'packages/rubrics/src/seed-index.json');
const seedsDir = path.resolve(process.env.MOCKLOOP_SEEDS_DIR ?? path.join(repoRoot, '..', 'shared', 'seeds'));

/** Every place the code cites: rubric sources, study references, leadership themes and question sources. */
async function citations(): Promise<Source[]> {
  const studyRefs = [...Object.values(competencyStudyPlan), ...Object.values(patternStudyPlan)].flat();
  const questions = await loadQuestionBank();
  return [
    ...rubrics.flatMap((r) => [r.source, ...(r.alsoFrom ?? [])]),
    ...studyRefs.map(({ file, section }) => ({ file, section })),
    ...LEADERSHIP_THEMES.map((t) => t.source),
    ...questions.map((q) => q.source)
  ];
}

async function buildIndex(): Promise<string> {
  const cited = await citations();
  const texts = new Map(SEED_FILES.map((file) => [file, readFileSync(path.join(seedsDir, file), 'utf8')]));
  const index: SeedIndex = {
    roadmaps: SEED_FILES.map((file) => {
      const text = texts.get(file) ?? '';
      const headings = headingsOf(text);
      const sections = cited.filter((c) => c.file === file).map((c) => c.section);
      let citedPassages: string[];
      try {
        citedPassages = citedPassagesOf(text, headings, sections);
      } catch (error) {
        throw new Error(`${file} (${SEED_PLAN_NAMES[file]}): ${(error as Error).message}`, { cause: error });
      }
      return { file, plan: SEED_PLAN_NAMES[file], sha256: sha256(text), headings, citedPassages };
    }),
    codingPatterns: codingPatternRows(texts.get(SEED.bigTechInterview16Week) ?? ''),
    staffWeeks: staffWeeksOf(texts.get(SEED.staffEngineer24Week) ?? ''),
    plans: SEED_FILES.map((file) => planOf(file, texts.get(file) ?? ''))
  };
  return format(JSON.stringify(seedIndexSchema.parse(index)), { filepath: indexFile });
}

/** What differs, by roadmap and field, so the message says where to look. */
function differences(committed: SeedIndex, fresh: SeedIndex): string[] {
  const out: string[] = [];
  for (const roadmap of fresh.roadmaps) {
    const old = committed.roadmaps.find((r) => r.file === roadmap.file);
    for (const key of ['plan', 'sha256', 'headings', 'citedPassages'] as const) {
      if (JSON.stringify(old?.[key]) !== JSON.stringify(roadmap[key])) out.push(`${roadmap.file} ${key}`);
    }
  }
  for (const key of ['codingPatterns', 'staffWeeks', 'plans'] as const) {
    if (JSON.stringify(committed[key]) !== JSON.stringify(fresh[key])) out.push(key);
  }
  return out;
}

const mode = process.argv[2];
if (mode !== 'write' && mode !== 'verify') throw new Error('usage: tsx tools/seeds/main.ts write|verify');
if (!existsSync(seedsDir)) {
  console.error(`no roadmaps at ${seedsDir} (set MOCKLOOP_SEEDS_DIR): nothing to ${mode}`);
  process.exit(1);
}
const fresh = await buildIndex();
if (mode === 'write') {
  await writeFile(indexFile, fresh);
  console.log(`wrote ${path.relative(repoRoot, indexFile)} from ${seedsDir}`);
} else {
  const committed = readFileSync(indexFile, 'utf8');
  if (committed === fresh) {
    console.log(`${path.relative(repoRoot, indexFile)} matches the roadmaps in ${seedsDir}`);
  } else {
    const changed = differences(seedIndexSchema.parse(JSON.parse(committed)), seedIndexSchema.parse(JSON.parse(fresh)));
    console.error(`the seed index is out of date (${changed.join(', ') || 'formatting'}): run npm run seeds:index`);
    process.exit(1);
  }
}
