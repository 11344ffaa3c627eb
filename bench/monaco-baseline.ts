/**
 * The coding page's baseline for bench:pages: a naive Monaco page (the whole `monaco-editor` entry imported
 * statically, the same two workers, the same starting language) built by Vite in the same run, and the two
 * measurements taken on both it and the coding page: JavaScript before the editor starts loading (initial) and in
 * all (until it takes input), and the time from a click on a link to the page to the first typed character (and to
 * that character showing in Monaco).
 */
import { createReadStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BrowserContext, Page } from 'playwright-core';
import { build } from 'vite';

/** The mark the coding page sets when its editor starts loading (apps/web/src/lib/coding/monaco.ts). */
export const EDITOR_IMPORT_MARK = 'mockloop:editor-import';

/** Serves a built folder on loopback; closed when the process exits. */
export async function serveStatic(dist: string): Promise<string> {
  const server = http.createServer((req, res) => {
    const file = path.join(dist, decodeURIComponent((req.url ?? '/').split('?')[0]!) || '/');
    const target = file.endsWith('/') ? path.join(file, 'index.html') : file;
    const type = target.endsWith('.js') ? 'text/javascript' : target.endsWith('.css') ? 'text/css' : 'text/html';
    res.setHeader('content-type', type);
    createReadStream(target)
      .on('error', () => res.writeHead(404).end())
      .pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  process.once('exit', () => server.close());
  return `http://127.0.0.1:${port}/`;
}

/** Builds the naive page (`editor.html`, and `index.html` linking to it); returns the start page's URL. */
export async function buildMonacoBaseline(dir: string, repoRoot: string): Promise<string> {
  await writeFile(
    path.join(dir, 'editor.js'),
    [
      "import * as monaco from 'monaco-editor';",
      "import EditorWorker from 'monaco-editor/editor/editor.worker?worker';",
      "import TsWorker from 'monaco-editor/language/typescript/ts.worker?worker';",
      'self.MonacoEnvironment = {',
      "  getWorker: (_id, label) => (label === 'typescript' || label === 'javascript' ? new TsWorker() : new EditorWorker())",
      '};',
      `performance.mark('${EDITOR_IMPORT_MARK}');`,
      "monaco.editor.create(document.getElementById('root'), {",
      "  value: 'function twoSum(nums: number[], target: number): number[] {\\n  return [];\\n}\\n',",
      "  language: 'typescript', automaticLayout: true, minimap: { enabled: false }, fontSize: 14",
      '});'
    ].join('\n')
  );
  await writeFile(
    path.join(dir, 'editor.html'),
    '<!doctype html><html><body style="margin:0"><div id="root" style="height:100vh"></div><script type="module" src="/editor.js"></script></body></html>'
  );
  await writeFile(
    path.join(dir, 'index.html'),
    '<!doctype html><html><body><a href="/editor.html">Open the editor</a></body></html>'
  );
  await build({
    root: dir,
    logLevel: 'error',
    worker: { format: 'es' },
    build: {
      outDir: path.join(dir, 'dist'),
      emptyOutDir: true,
      rollupOptions: { input: { index: path.join(dir, 'index.html'), editor: path.join(dir, 'editor.html') } }
    },
    cacheDir: path.join(dir, '.vite'),
    server: { fs: { allow: [repoRoot] } }
  });
  return serveStatic(path.join(dir, 'dist'));
}

const typed = 'ZQZ';
const editorTakesInput = (page: Page) => page.locator('.monaco-editor textarea').first().waitFor({ timeout: 60_000 });

/** Gzip JavaScript before the editor started loading, and in all until it takes input (a fresh context). */
export async function editorWeight(context: BrowserContext, url: string) {
  const page = await context.newPage();
  const sizes: Promise<[string, number]>[] = [];
  page.on('response', (response) => {
    const type = response.request().resourceType();
    if (type === 'script' || response.url().endsWith('.js') || response.url().endsWith('.mjs')) {
      sizes.push(
        response.body().then(
          (body) => [response.url(), gzipSync(body).length] as [string, number],
          () => [response.url(), 0] as [string, number]
        )
      );
    }
  });
  await page.goto(url);
  await editorTakesInput(page);
  await page.waitForLoadState('networkidle');
  const { mark, started } = await page.evaluate((name) => {
    const entries = performance.getEntriesByType('resource').map((e) => [e.name, e.startTime] as [string, number]);
    return { mark: performance.getEntriesByName(name)[0]?.startTime ?? Infinity, started: entries };
  }, EDITOR_IMPORT_MARK);
  const startedAt = new Map(started);
  const all = await Promise.all(sizes);
  await page.close();
  const initial = all.filter(([file]) => (startedAt.get(file) ?? Infinity) < mark);
  const sum = (list: [string, number][]) => list.reduce((total, [, bytes]) => total + bytes, 0);
  return { initial: sum(initial), total: sum(all), files: all.length };
}

/** Where a page takes typing first: our plain editor (while Monaco loads), else Monaco's text. */
const typingSurface = '[data-testid="plain-editor"], .monaco-editor .view-lines';

/**
 * From a click on `link` to the first typed character showing in the page's code editor (`typed`), and to Monaco
 * showing it (`monaco`: the same moment on the naive page; later on ours, whose plain editor takes typing first).
 * The start page has settled first: a person clicks on a page they have seen, and its own loading is not the
 * editor's.
 */
export async function clickToType(page: Page, link: string): Promise<{ typed: number; monaco: number }> {
  await page.waitForLoadState('networkidle');
  const started = Date.now();
  await page.locator(link).first().click();
  // Keys typed while the page still sets the editor's text up can be replaced by it: type again until they show.
  for (let attempt = 1; ; attempt++) {
    // A click in the text, as a person would (Monaco may take keys through EditContext, not its textarea).
    await page.locator(typingSurface).first().click();
    await page.keyboard.type(typed);
    const shown = await page
      .waitForFunction(
        (text) =>
          [...document.querySelectorAll<HTMLTextAreaElement>('[data-testid="plain-editor"]')].some((box) =>
            box.value.includes(text)
          ) || [...document.querySelectorAll('.monaco-editor .view-lines')].some((v) => v.textContent?.includes(text)),
        typed,
        { timeout: 5_000 }
      )
      .then(
        () => true,
        () => false
      );
    if (shown) break;
    if (attempt === 6) throw new Error(`The editor at ${page.url()} never showed the typed text.`);
  }
  const typedAt = Date.now() - started;
  await editorTakesInput(page);
  await page.waitForFunction(
    (text) => [...document.querySelectorAll('.monaco-editor .view-lines')].some((v) => v.textContent?.includes(text)),
    typed,
    { timeout: 60_000 }
  );
  return { typed: typedAt, monaco: Date.now() - started };
}
