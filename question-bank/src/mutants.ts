/**
 * Known-wrong solutions kept beside each coding problem (`mutants.json`): the suite checks that the hidden and
 * performance tests reject every one, so a weak test set fails a test instead of passing a wrong answer.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { BANK_DIR, loadSolutions } from './load.ts';

/** The kinds of mistake the issue names: what a real candidate gets wrong. */
export const mutantKindSchema = z.enum([
  'off-by-one',
  'missing-edge-case',
  'greedy-for-dp',
  'wrong-logic',
  'slower-complexity'
]);

export const mutantSchema = z
  .object({
    kind: mutantKindSchema,
    why: z.string().min(5),
    language: z.enum(['typescript', 'python']),
    /** Edits of the reference solution in that language, in order: each `find` must occur exactly once. */
    edits: z
      .array(z.tuple([z.string().min(1), z.string()]))
      .min(1)
      .optional(),
    /** Or a whole solution, a path inside the problem's folder. */
    file: z
      .string()
      .regex(/^wrong\/[\w.-]+\.(ts|py)$/)
      .optional()
  })
  .refine((m) => (m.edits === undefined) !== (m.file === undefined), { message: 'give either edits or file' });

export type Mutant = z.infer<typeof mutantSchema> & { code: string };

function applyEdits(source: string, edits: [string, string][], where: string): string {
  return edits.reduce((code, [find, replace], i) => {
    const count = code.split(find).length - 1;
    if (count !== 1) throw new Error(`${where}: edit ${i + 1} finds ${JSON.stringify(find)} ${count} times, not once`);
    return code.replace(find, () => replace);
  }, source);
}

/** A problem's wrong solutions with their code; none when it has no mutants.json. */
export async function loadMutants(id: string, dir = BANK_DIR): Promise<Mutant[]> {
  const file = path.join(dir, 'coding', id, 'mutants.json');
  if (!existsSync(file)) return [];
  const entries = z.array(mutantSchema).parse(JSON.parse(await readFile(file, 'utf8')));
  const reference = await loadSolutions(id, dir);
  return Promise.all(
    entries.map(async (entry, i) => ({
      ...entry,
      code: entry.file
        ? await readFile(path.join(dir, 'coding', id, entry.file), 'utf8')
        : applyEdits(reference[entry.language], entry.edits!, `${id} mutant ${i + 1}`)
    }))
  );
}
