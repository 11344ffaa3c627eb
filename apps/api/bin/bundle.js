// @ts-check
/**
 * Runs the built server (one CommonJS file, see server-build.js) with V8's compile cache, and maps its stack traces
 * to our sources.
 *
 * Node 20 keeps no compiled code between runs (`module.enableCompileCache` is Node 22's), and compiling the 3 MB
 * bundle was the largest single cost of a warm start. So the bundle is compiled with `vm.Script`, and the code V8
 * compiled while the server started is written beside it (`main.cjs.cache`) once, two seconds after a start that
 * had none (or at exit, if sooner). A cache made from other source (its hash leads the file) or by another V8 is
 * refused, and the bundle compiled anew.
 * Measured on the bundle alone: 160 ms to load, 95 with the cache; v8-compile-cache, which makes its cache before
 * the code runs (so without the functions the start compiles), 138.
 *
 * Node maps stack traces only for modules it loads itself, so `vm.Script` code gets `Error.prepareStackTrace`
 * below, with Node's own `SourceMap`: the map is read at the first trace that passes through the bundle, not at
 * every start (that took Node 17 ms).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire, SourceMap } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';

/** @param {string} file */
export const compileCacheFile = (file) => `${file}.cache`;

/**
 * Runs `file` as a CommonJS module.
 *
 * @param {string} file absolute path of the bundle
 * @param {{ saveAfterMs?: number }} [options]
 * @returns {{ exports: unknown, cache: 'used' | 'made' | 'refused' }} the module's exports, and what became of the
 *   compile cache: used, made (there was none), or refused (made from other source, or by another V8: made anew)
 */
export function runBundle(file, { saveAfterMs = 2000 } = {}) {
  const cacheFile = compileCacheFile(file);
  const bytes = readFileSync(file);
  // V8 checks a cache against the source's length only: the cache starts with the source's hash, looked at here.
  const digest = createHash('sha256').update(bytes).digest();
  const stored = existsSync(cacheFile) ? readFileSync(cacheFile) : undefined;
  const cachedData = stored?.subarray(0, digest.length).equals(digest) ? stored.subarray(digest.length) : undefined;
  const script = new vm.Script(
    `(function (exports, require, module, __filename, __dirname) {${bytes.toString('utf8')}\n})`,
    {
      filename: file,
      // No `importModuleDynamically`: the bundle gets ES modules through what it exports (src/start.ts), since
      // V8 ties a dynamic import's callback to the run that compiled the code, and a cached one would have none.
      ...(cachedData ? { cachedData } : {})
    }
  );
  const cache = cachedData && !script.cachedDataRejected ? 'used' : stored ? 'refused' : 'made';
  if (cache !== 'used') saveCompiledCode(script, digest, cacheFile, saveAfterMs);
  mapStackTraces(file);
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, path.dirname(file));
  return { exports: module.exports, cache };
}

/**
 * @param {vm.Script} script
 * @param {Buffer} digest the source's hash
 * @param {string} cacheFile
 * @param {number} afterMs
 */
function saveCompiledCode(script, digest, cacheFile, afterMs) {
  let saved = false;
  const save = () => {
    if (saved) return;
    saved = true;
    try {
      // Renamed into place: a server starting meanwhile reads the old cache or the new one, never half of one.
      const partial = `${cacheFile}.${process.pid}`;
      writeFileSync(partial, Buffer.concat([digest, script.createCachedData()]));
      renameSync(partial, cacheFile);
    } catch {
      // A read-only checkout: every start compiles, as before.
    }
  };
  setTimeout(save, afterMs).unref();
  process.once('exit', save);
}

/** @param {string} file */
function mapStackTraces(file) {
  /** @type {SourceMap | null | undefined} */
  let map;
  const load = () => {
    try {
      const payload = JSON.parse(readFileSync(`${file}.map`, 'utf8'));
      payload.sources = payload.sources.map((/** @type {string} */ source) => path.resolve(path.dirname(file), source));
      return new SourceMap(payload);
    } catch {
      return null;
    }
  };
  /** @param {NodeJS.CallSite} site */
  const frame = (site) => {
    const text = site.toString();
    const line = site.getLineNumber();
    const column = site.getColumnNumber();
    if (site.getFileName() !== file || line === null || column === null) return text;
    map ??= load();
    const entry = map?.findEntry(line - 1, column - 1);
    if (!entry || !('originalSource' in entry)) return text;
    const where = `${entry.originalSource}:${entry.originalLine + 1}:${entry.originalColumn + 1}`;
    return text.replace(`${file}:${line}:${column}`, where);
  };
  Error.prepareStackTrace = (error, sites) =>
    `${Error.prototype.toString.call(error)}${sites.map((site) => `\n    at ${frame(site)}`).join('')}`;
}
