// Copies the assets that libraries load at run time (Excalidraw's fonts, Pyodide's runtime) next to the app's
// static files, so the browser gets them from our own origin and never from a CDN.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const staticDir = path.join(here, '..', 'static');

// Neither package exports its package.json, so each is found from its entry point.
const copies = [
  { from: path.join(path.dirname(require.resolve('@excalidraw/excalidraw')), 'fonts'), to: 'excalidraw-assets/fonts' },
  {
    from: path.dirname(require.resolve('pyodide')),
    to: 'pyodide',
    filter: (file) => !/\.(html|map|d\.ts)$|README|package\.json$/.test(file)
  }
];

for (const { from, to, filter } of copies) {
  const target = path.join(staticDir, to);
  if (existsSync(target)) continue;
  mkdirSync(path.dirname(target), { recursive: true });
  cpSync(from, target, { recursive: true, filter: (source) => !filter || filter(path.basename(source)) });
}

// Pyodide's own packages are not in its npm package: the ones LeetCode's Python has (sortedcontainers) are kept as
// wheels in the question bank and served beside Pyodide, where loadPackage looks for them. Our wheel is PyPI's
// build, not Pyodide's, so the served lock file names its SHA-256 (loadPackage checks it).
const wheels = path.join(here, '..', '..', '..', 'question-bank', 'vendor', 'python');
const lockFile = path.join(staticDir, 'pyodide', 'pyodide-lock.json');
const lock = JSON.parse(readFileSync(lockFile, 'utf8'));
for (const wheel of readdirSync(wheels).filter((f) => f.endsWith('.whl'))) {
  const bytes = readFileSync(path.join(wheels, wheel));
  writeFileSync(path.join(staticDir, 'pyodide', wheel), bytes);
  const entry = Object.values(lock.packages).find((p) => p.file_name === wheel);
  if (!entry) throw new Error(`${wheel} is not a package of this Pyodide (pyodide-lock.json)`);
  entry.sha256 = createHash('sha256').update(bytes).digest('hex');
}
writeFileSync(lockFile, JSON.stringify(lock));
