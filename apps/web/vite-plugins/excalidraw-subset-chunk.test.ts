import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { excalidrawSubsetChunk, subsetWorkerFiles } from './excalidraw-subset-chunk.ts';

const dist = path.dirname(createRequire(import.meta.url).resolve('@excalidraw/excalidraw'));

describe("Excalidraw's font subset worker", () => {
  it('finds the worker, the shared subset module and everything they import in the installed build', () => {
    const files = subsetWorkerFiles();
    expect(files.has('subset-worker.chunk.js')).toBe(true);
    expect(files.has('subset-shared.chunk.js')).toBe(true);
    // Every module the worker imports is in the set, so its chunk needs no other chunk (none needs a window).
    for (const file of files) {
      for (const [, imported] of readFileSync(path.join(dist, file), 'utf8').matchAll(
        /(?:from|import)\s*"\.\/([\w.-]+\.js)"/g
      )) {
        expect(files.has(imported!), `${file} imports ${imported}`).toBe(true);
      }
    }
    expect(files.has('index.js')).toBe(false);
  });

  it('puts those modules, and only those, in the excalidraw-subset chunk', () => {
    const chunk = excalidrawSubsetChunk();
    expect(chunk(path.join(dist, 'subset-worker.chunk.js'))).toBe('excalidraw-subset');
    expect(chunk(path.join(dist, 'index.js'))).toBeUndefined();
    expect(chunk('/elsewhere/subset-worker.chunk.js')).toBeUndefined();
  });
});
