import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXCALIDRAW_ASSETS_PATH, selfHostExcalidrawAssets } from './excalidraw-self-hosted.ts';

const dist = path.dirname(path.dirname(createRequire(import.meta.url).resolve('@excalidraw/excalidraw')));

describe('the Excalidraw font fallback', () => {
  for (const build of ['prod', 'dev']) {
    it(`points at our own copy in the installed ${build} build, and no esm.sh address is left`, () => {
      const files = readdirSync(path.join(dist, build)).filter((f) => f.endsWith('.js'));
      const patched = files
        .map((f) => selfHostExcalidrawAssets(readFileSync(path.join(dist, build, f), 'utf8')))
        .filter((code): code is string => code !== null);
      expect(patched).toHaveLength(1);
      expect(patched[0]).not.toContain('esm.sh');
      expect(patched[0]).toContain(JSON.stringify(EXCALIDRAW_ASSETS_PATH));
    });
  }

  it('fails loudly when the line it rewrites has moved', () => {
    expect(() => selfHostExcalidrawAssets('ASSETS_FALLBACK_URL = "https://cdn.example/"')).toThrow(/changed shape/);
    expect(selfHostExcalidrawAssets('unrelated code')).toBeNull();
  });
});
