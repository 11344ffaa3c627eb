// Builds the code sandbox's worker (the harness that runs the candidate's code) into static/sandbox/worker.js.
// The page fetches it and hands its text to the sandbox document (apps/api/src/sandbox/document.ts), which
// starts it from a blob. One classic script: a worker started from a blob at an opaque origin cannot be a
// module worker.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));
const source = path.join(here, '..', 'src', 'lib', 'coding', 'sandbox');
const out = path.join(here, '..', 'static', 'sandbox');
mkdirSync(out, { recursive: true });

await build({
  entryPoints: { worker: path.join(source, 'worker.ts') },
  outdir: out,
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: 'es2022',
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
  // The app's tsconfig extends SvelteKit's generated one, which may not exist yet; esbuild needs none of it.
  tsconfigRaw: {}
});
