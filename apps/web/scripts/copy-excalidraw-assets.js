// Copies Excalidraw's fonts next to the app's static files, so the whiteboard loads them from our own origin.
import { cpSync, existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
// The package exports no package.json, so find it from its entry point (dist/prod/index.js).
const from = path.join(path.dirname(require.resolve('@excalidraw/excalidraw')), 'fonts');
const to = path.join(here, '..', 'static', 'excalidraw-assets', 'fonts');

if (!existsSync(to)) {
  mkdirSync(path.dirname(to), { recursive: true });
  cpSync(from, to, { recursive: true });
}
