import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GO_BUILD } from './build.ts';

const ciRun = readFileSync(path.resolve(import.meta.dirname, '../../../../../.ci/run'), 'utf8');

describe(".ci/run's warm-up of Go's build cache", () => {
  // Go's cache keys a compiled package by its settings: a warm-up built otherwise leaves db:build to compile it all.
  it('compiles the package db:build compiles, with its flags and its environment', () => {
    const line = ciRun.match(/^.*\bgo build\b.*$/m)?.[0];
    expect(line, 'a go build line in .ci/run').toBeDefined();
    expect(line).toContain(`go build ${GO_BUILD.flags.join(' ')} -o /dev/null ${GO_BUILD.package}`);
    const warmUp = ciRun.slice(ciRun.indexOf('(cd tools/ferretdb'), ciRun.indexOf(line!));
    for (const [name, value] of Object.entries(GO_BUILD.env)) expect(warmUp).toContain(`${name}=${value}`);
  });
});
