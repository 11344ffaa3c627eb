// @ts-check
/**
 * The built server: apps/api and the workspace packages it imports, bundled by esbuild into apps/api/dist
 * (git-ignored), so `npm start` runs JavaScript instead of compiling TypeScript at every start. Third-party
 * packages stay in node_modules. Rebuilt when any file that went into the bundle is newer than the bundle.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const apiDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const repoRoot = path.resolve(apiDir, '../..');
/** `npm start`'s build; tests build into folders of their own. It must sit inside the repository, by node_modules. */
export const defaultOutDir = path.join(apiDir, 'dist');

/** @param {string} outDir */
export const serverEntry = (outDir = defaultOutDir) => path.join(outDir, 'main.js');
/** What went into the bundle and when it was built; the freshness check reads it. */
const inputsFile = (/** @type {string} */ outDir) => path.join(outDir, 'inputs.json');

/** Whether main.js exists and no file it was built from (nor this build script) changed since. */
export function serverBuildIsFresh(outDir = defaultOutDir) {
  if (!existsSync(serverEntry(outDir)) || !existsSync(inputsFile(outDir))) return false;
  /** @type {{ builtAt: number, inputs: string[] }} */
  const { builtAt, inputs } = JSON.parse(readFileSync(inputsFile(outDir), 'utf8'));
  return inputs.every((file) => {
    const stat = statSync(path.join(repoRoot, file), { throwIfNoEntry: false });
    return stat !== undefined && stat.mtimeMs <= builtAt;
  });
}

/** Bundles src/main.ts into `<outDir>/main.js`; resolves with the milliseconds it took. */
export async function buildServer(outDir = defaultOutDir) {
  const { build } = await import('esbuild');
  const builtAt = Date.now();
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  const result = await build({
    absWorkingDir: repoRoot,
    entryPoints: [path.join(apiDir, 'src/main.ts')],
    outfile: serverEntry(outDir),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: true,
    metafile: true,
    logLevel: 'warning',
    plugins: [workspaceOnly, sourceLocations(outDir)]
  });
  const here = path.relative(repoRoot, fileURLToPath(import.meta.url));
  const inputs = [...Object.keys(result.metafile.inputs), here];
  await writeFile(inputsFile(outDir), JSON.stringify({ builtAt, inputs }, null, 2));
  return Date.now() - builtAt;
}

/** Bundles MockLoop's own workspace packages (TypeScript sources); every other package is loaded from node_modules. */
/** @type {import('esbuild').Plugin} */
const workspaceOnly = {
  name: 'workspace-only',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path.startsWith('@mockloop/') ? undefined : { path: args.path, external: true }
    );
  }
};

/**
 * Modules find the repository from their own location (`import.meta.url`); in the bundle that would be
 * dist/main.js, so each module's `import.meta.url` is rewritten to its source file's URL, relative to the bundle.
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
