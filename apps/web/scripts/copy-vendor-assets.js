// Copies the assets that libraries load at run time (Excalidraw's fonts, Pyodide's runtime) next to the app's
// static files, so the browser gets them from our own origin and never from a CDN.
import { cpSync, existsSync, mkdirSync } from 'node:fs';
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
