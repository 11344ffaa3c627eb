/** Test-only: reads a seed roadmap from disk (tests may use Node; the package itself never does). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { SeedFile } from './seeds.ts';

// The seeds live beside the repository (../shared/seeds); MOCKLOOP_SEEDS_DIR overrides that.
const seedsDir = process.env.MOCKLOOP_SEEDS_DIR ?? fileURLToPath(new URL('../../../../shared/seeds/', import.meta.url));

const cache = new Map<SeedFile, string>();

export function seedText(file: SeedFile): string {
  let text = cache.get(file);
  if (text === undefined) {
    text = readFileSync(`${seedsDir}/${file}`, 'utf8');
    cache.set(file, text);
  }
  return text;
}
