/**
 * Excalidraw subsets a font for an SVG export in a module worker (its `subset-worker` chunk), with WebAssembly and
 * the emscripten glue's `new Function`: allowed in that worker (a script from our origin, under no page policy),
 * refused on the page by our Content-Security-Policy. Rollup had merged the worker's two small shared modules into
 * the big Excalidraw chunk, which needs a window as it loads, so the worker failed, Excalidraw subset on the page
 * instead (two CSP errors) and, refused, embedded the whole font. This keeps the worker's modules in a chunk of
 * their own, read from the installed Excalidraw (its chunk names change with each release).
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** The folder of Excalidraw's production build (where `subset-worker.chunk.js` is). */
const DIST = path.dirname(createRequire(import.meta.url).resolve('@excalidraw/excalidraw'));
const ENTRIES = ['subset-worker.chunk.js', 'subset-shared.chunk.js'];

/** The files of `dir` the subset worker loads: its entries and every module they import, transitively. */
export function subsetWorkerFiles(dir = DIST): Set<string> {
  const files = new Set<string>();
  const queue = [...ENTRIES];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (files.has(file)) continue;
    const full = path.join(dir, file);
    if (!existsSync(full)) {
      throw new Error(`Excalidraw has no ${file} any more: update vite-plugins/excalidraw-subset-chunk.ts`);
    }
    files.add(file);
    for (const [, imported] of readFileSync(full, 'utf8').matchAll(/(?:from|import)\s*"\.\/([\w.-]+\.js)"/g)) {
      queue.push(imported!);
    }
  }
  return files;
}

/**
 * Rollup's `manualChunks`: the subset worker's modules go to one chunk, `excalidraw-subset`.
 *
 * @example
 * build: { rollupOptions: { output: { manualChunks: excalidrawSubsetChunk() } } }
 */
export function excalidrawSubsetChunk(dir = DIST): (id: string) => string | undefined {
  const files = subsetWorkerFiles(dir);
  const prefix = dir.split(path.sep).join('/') + '/';
  return (id) => {
    const normalized = id.split(path.sep).join('/').split('?')[0]!;
    return normalized.startsWith(prefix) && files.has(normalized.slice(prefix.length))
      ? 'excalidraw-subset'
      : undefined;
  };
}
