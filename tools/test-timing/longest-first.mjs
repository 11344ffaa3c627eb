/**
 * The order files start in: the longest first, across every project. Vitest's own order groups files by project
 * name and, on a clone with no cache of earlier runs, puts larger files first, so the question bank's three-line
 * mutation files (minutes each) started last and ran on alone at the end. Here a file's expected time comes from
 * vitest's cache of this clone's last run when it has one, else from `durations.json` (measured in a whole run on
 * CI's kind of machine, `record-durations.mjs`), and a file neither knows runs first, as vitest does.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { BaseSequencer } from 'vitest/node';

const root = path.resolve(import.meta.dirname, '../..');

/** @returns {Record<string, number>} seconds by path from the repository's root */
export function committedDurations() {
  return JSON.parse(readFileSync(path.join(import.meta.dirname, 'durations.json'), 'utf8')).seconds;
}

/**
 * @template T
 * @param {T[]} files
 * @param {(file: T) => number | undefined} expectedSeconds
 * @returns {T[]} unknown files first, then the longest expected first (a stable sort: ties keep their order)
 */
export function longestFirst(files, expectedSeconds) {
  const rank = (/** @type {T} */ file) => expectedSeconds(file) ?? Infinity;
  // Compared, not subtracted: two unknown files (Infinity − Infinity) would give NaN, which leaves the order undefined.
  return [...files].sort((a, b) => (rank(a) === rank(b) ? 0 : rank(a) > rank(b) ? -1 : 1));
}

export class LongestFirstSequencer extends BaseSequencer {
  /** @param {import('vitest/node').TestSpecification[]} files */
  async sort(files) {
    const committed = committedDurations();
    const cache = this.ctx.cache;
    return longestFirst(files, (spec) => {
      const file = path.relative(root, spec.moduleId);
      const cached = cache.getFileTestResults(
        `${spec.project.name}:${path.relative(this.ctx.config.root, spec.moduleId)}`
      );
      return cached ? cached.duration / 1000 : committed[file];
    });
  }
}
