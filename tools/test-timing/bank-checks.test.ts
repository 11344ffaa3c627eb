import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decideBankChecks, fingerprint } from './bank-checks.mjs';

describe('decideBankChecks', () => {
  const same = { now: 'abc', lastGreen: 'abc' };
  it.each([
    [{ ci: true, forced: false, ...same }, true],
    [{ ci: false, forced: true, ...same }, true],
    [{ ci: false, forced: false, now: 'abc', lastGreen: null }, true],
    [{ ci: false, forced: false, now: 'abc', lastGreen: 'def' }, true],
    [{ ci: false, forced: false, ...same }, false]
  ])('%o → run %s', (state, run) => {
    expect(decideBankChecks(state).run).toBe(run);
  });
});

describe('fingerprint', () => {
  it('moves with any file under the folder, not with node_modules', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'bank-fp-'));
    mkdirSync(path.join(dir, 'src'));
    mkdirSync(path.join(dir, 'node_modules'));
    writeFileSync(path.join(dir, 'src', 'a.ts'), 'one');
    const first = fingerprint(dir);
    writeFileSync(path.join(dir, 'node_modules', 'x.js'), 'ignored');
    expect(fingerprint(dir)).toBe(first);
    writeFileSync(path.join(dir, 'src', 'a.ts'), 'two');
    expect(fingerprint(dir)).not.toBe(first);
  });
});
