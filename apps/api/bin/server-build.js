// @ts-check
/**
 * The built server: apps/api, the workspace packages and the third-party packages it imports, bundled by esbuild
 * into one CommonJS file, apps/api/dist/main.cjs (git-ignored). So `npm start` runs JavaScript instead of compiling
 * TypeScript at every start, reads one file instead of some 700 (the driver alone is 130), and can keep V8's
 * compiled code between starts (bundle.js). Packages with native code stay in node_modules. Rebuilt when any file
 * that went into the bundle is newer than the bundle.
 *
 * The bundle's modules run when first imported: start.ts starts the embedded database before it imports the rest.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runBundle } from './bundle.js';

const apiDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const repoRoot = path.resolve(apiDir, '../..');
/** `npm start`'s build; tests build into folders of their own. It must sit inside the repository, by node_modules. */
export const defaultOutDir = path.join(apiDir, 'dist');

/** @param {string} outDir */
export const serverEntry = (outDir = defaultOutDir) => path.join(outDir, 'main.cjs');
/** What went into the bundle and when it was built; the freshness check reads it. */
const inputsFile = (/** @type {string} */ outDir) => path.join(outDir, 'inputs.json');

/** Whether main.cjs exists and no file it was built from (nor this build script) changed since. */
export function serverBuildIsFresh(outDir = defaultOutDir) {
  if (!existsSync(serverEntry(outDir)) || !existsSync(inputsFile(outDir))) return false;
  /** @type {{ builtAt: number, inputs: string[] }} */
  const { builtAt, inputs } = JSON.parse(readFileSync(inputsFile(outDir), 'utf8'));
  return inputs.every((file) => {
    const stat = statSync(path.join(repoRoot, file), { throwIfNoEntry: false });
    return stat !== undefined && stat.mtimeMs <= builtAt;
  });
}

/**
 * Runs the build in `outDir` (see bundle.js) and resolves once MockLoop is ready: what `npm start` does after its
 * freshness check.
 */
export async function startBuiltServer(outDir = defaultOutDir) {
  const { exports } = runBundle(serverEntry(outDir));
  const { start } = /** @type {typeof import('../src/start.ts')} */ (exports);
  await start({ importModule: (url) => import(url) });
}

/** Bundles src/start.ts into `<outDir>/main.cjs`; resolves with the milliseconds it took. */
export async function buildServer(outDir = defaultOutDir) {
  const { build } = await import('esbuild');
  const builtAt = Date.now();
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  const result = await build({
    absWorkingDir: repoRoot,
    entryPoints: [path.join(apiDir, 'src/start.ts')],
    outfile: serverEntry(outDir),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // The modules' own URL (see sourceLocations), which CommonJS lacks: the bundle's.
    define: { 'import.meta.url': '__bundleUrl' },
    banner: { js: "var __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
    // Stack traces name our sources and the packages' files (bundle.js reads the map at the first trace).
    sourcemap: 'linked',
    sourcesContent: false,
    metafile: true,
    logLevel: 'warning',
    external: NOT_BUNDLED,
    plugins: [sourceLocations(outDir)]
  });
  const here = path.relative(repoRoot, fileURLToPath(import.meta.url));
  // Packages change only through npm, which rewrites its lockfile in node_modules (or, where it keeps none there,
  // the project's): one file to look at instead of the 600-odd bundled from node_modules (13 ms of stat a start).
  const ours = Object.keys(result.metafile.inputs).filter((file) => !file.includes('node_modules/'));
  const installed = existsSync(path.join(repoRoot, HIDDEN_LOCKFILE)) ? HIDDEN_LOCKFILE : 'package-lock.json';
  const inputs = [...ours, installed, here];
  await writeFile(inputsFile(outDir), JSON.stringify({ builtAt, inputs }, null, 2));
  return Date.now() - builtAt;
}

/** What npm writes in node_modules at every install. */
const HIDDEN_LOCKFILE = 'node_modules/.package-lock.json';

/**
 * Packages left in node_modules: one with native code, the driver's optional ones, which it `require`s inside
 * a try (not installed here), and the password estimator's 7 MB of word lists, imported at the first sign-up
 * (services/password-policy.ts), which every start would otherwise read.
 */
const NOT_BUNDLED = [
  '@node-rs/argon2',
  'kerberos',
  'snappy',
  '@mongodb-js/zstd',
  'mongodb-client-encryption',
  '@aws-sdk/credential-providers',
  'gcp-metadata',
  'socks',
  'aws4',
  '@zxcvbn-ts/core',
  '@zxcvbn-ts/language-common',
  '@zxcvbn-ts/language-en'
];

/**
 * Modules find the repository from their own location (`import.meta.url`); in the bundle that would be
 * dist/main.cjs, so each module's `import.meta.url` is rewritten to its source file's URL, relative to the bundle.
 */
/** @returns {import('esbuild').Plugin} */
const sourceLocations = (/** @type {string} */ outDir) => ({
  name: 'source-locations',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      if (!source.includes('import.meta.url')) return undefined;
      const relative = path.relative(outDir, args.path).split(path.sep).join('/');
      const url = `new URL(${JSON.stringify(relative)}, import.meta.url).href`;
      return { contents: source.replaceAll('import.meta.url', url), loader: 'ts' };
    });
  }
});
