/**
 * Page weight and time to an editable whiteboard, in headless Chromium on loopback.
 * - Gzip JavaScript each page loads (our origin only; everything is ours), measured from what the browser fetched.
 * - Baseline, built in the same run: Excalidraw with React alone (a Vite bundle that renders <Excalidraw/>),
 *   measured the same way. Goals (issue 8): dashboard ≤ 100 KB; the whiteboard page ≤ 115 % of that baseline.
 * - Time from navigation to an editable whiteboard: the dashboard's link to a session, clicked, until Excalidraw's
 *   interactive canvas and the notes accept input. Goal ≤ 1.5 s. Median of 5, cold (new browser context) and warm.
 * - The coding page against a naive whole-Monaco page built in the same run (bench/monaco-baseline.ts): initial
 *   JavaScript (before the editor starts loading) and the click to the first typed character, cold. Goals
 *   (issue 20): ≤ ×0.6 and ≤ ×0.7 of the naive page's. Our page takes typing in a plain editor until Monaco takes
 *   over; the click to the typed text showing in Monaco is printed beside it.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BrowserContext, Page } from 'playwright-core';
import { build } from 'vite';
import { startServer } from '../apps/api/src/server.ts';
import { launchChromium, signUpThroughApi } from '../tests/support/browser.ts';
import { buildMonacoBaseline, clickToType, editorWeight, serveStatic } from './monaco-baseline.ts';

const repoRoot = path.resolve(import.meta.dirname, '..');
const RUNS = 5;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** Gzip size of every script the page fetched (modules, chunks and workers), after the network settles. */
async function scriptWeight(context: BrowserContext, url: string, ready: (page: Page) => Promise<void>) {
  const page = await context.newPage();
  const bodies: Promise<number>[] = [];
  page.on('response', (response) => {
    const type = response.request().resourceType();
    if (type === 'script' || response.url().endsWith('.js') || response.url().endsWith('.mjs')) {
      bodies.push(
        response.body().then(
          (body) => gzipSync(body).length,
          () => 0
        )
      );
    }
  });
  await page.goto(url);
  await ready(page);
  await page.waitForLoadState('networkidle');
  const sizes = await Promise.all(bodies);
  await page.close();
  return { bytes: sizes.reduce((a, b) => a + b, 0), files: sizes.length };
}

/** Excalidraw and React alone, bundled by Vite the way the app bundles them, served from a throwaway folder. */
async function buildBaseline(dir: string): Promise<string> {
  await writeFile(
    path.join(dir, 'main.js'),
    [
      "import React from 'react';",
      "import { createRoot } from 'react-dom/client';",
      "import { Excalidraw } from '@excalidraw/excalidraw';",
      "import '@excalidraw/excalidraw/index.css';",
      "window.EXCALIDRAW_ASSET_PATH = '/';",
      "createRoot(document.getElementById('root')).render(React.createElement('div', { style: { height: '100vh' } }, React.createElement(Excalidraw)));"
    ].join('\n')
  );
  await writeFile(
    path.join(dir, 'index.html'),
    '<!doctype html><html><body><div id="root"></div><script type="module" src="/main.js"></script></body></html>'
  );
  await build({
    root: dir,
    logLevel: 'error',
    resolve: { alias: {} },
    build: { outDir: path.join(dir, 'dist'), emptyOutDir: true },
    // Resolve packages from the repository's node_modules.
    cacheDir: path.join(dir, '.vite'),
    server: { fs: { allow: [repoRoot] } },
    define: { 'process.env.NODE_ENV': '"production"', 'process.env.IS_PREACT': '"false"' }
  });
  return serveStatic(path.join(dir, 'dist'));
}

const { handler } = (await import(path.resolve(repoRoot, 'apps/web/build/handler.js'))) as {
  handler: NonNullable<Parameters<typeof startServer>[0]>['webHandler'];
};
const work = await mkdtemp(path.join(repoRoot, 'bench', '.tmp-page-weight-'));
const dataDir = path.join(work, 'data');
await mkdir(dataDir);
const server = await startServer({ port: 0, dataDir, dbName: 'bench', webHandler: handler });
const browser = await launchChromium();
try {
  const baselineDir = path.join(work, 'baseline');
  await mkdir(baselineDir);
  const baselineUrl = await buildBaseline(baselineDir);

  const setup = await browser.newContext();
  const first = await setup.newPage();
  await first.goto(server.url);
  await signUpThroughApi(first, server.url, {
    email: 'weight@example.com',
    password: 'weight-password-1',
    name: 'Weight'
  });
  const questions = async (kind: string) =>
    (
      (await (await first.request.get(`${server.url}/api/questions?kind=${kind}`)).json()) as {
        items: { id: string }[];
      }
    ).items;
  const newSession = async (questionId: string) =>
    (
      (await (await first.request.post(`${server.url}/api/sessions`, { data: { questionId } })).json()) as {
        session: { id: string };
      }
    ).session.id;
  // Every measured context starts with this sign-in's cookie and an empty cache (sign-ins are rate-limited).
  const storageState = await setup.storageState();
  const signedIn = () => browser.newContext({ storageState });
  const designId = (await questions('design'))[0]!.id;
  const codingId = (await questions('coding'))[0]!.id;
  const whiteboardReady = async (page: Page) => {
    await page.locator('.excalidraw canvas.interactive').waitFor({ timeout: 30_000 });
  };

  const pages: [string, string, (page: Page) => Promise<void>][] = [
    ['dashboard', '/dashboard', (p) => p.getByRole('heading', { level: 1 }).waitFor()],
    ['question bank', '/questions', (p) => p.getByRole('heading', { level: 1 }).waitFor()],
    ['insights', '/insights', (p) => p.getByRole('heading', { level: 1 }).waitFor()],
    ['whiteboard (design mock)', `/sessions/${await newSession(designId)}`, whiteboardReady],
    [
      'coding mock (Monaco)',
      `/sessions/${await newSession(codingId)}`,
      (p) => p.locator('.monaco-editor textarea').first().waitFor({ timeout: 30_000 })
    ]
  ];
  const weights: Record<string, number> = {};
  console.log(`page weight: gzip JavaScript per page, fresh browser context each (${os.cpus().length} cores)`);
  for (const [name, url, ready] of pages) {
    const context = await signedIn();
    const { bytes, files } = await scriptWeight(context, server.url + url, ready);
    weights[name] = bytes;
    console.log(`  ${name.padEnd(26)} ${kb(bytes).padStart(10)}  (${files} files)`);
    await context.close();
  }
  const baseContext = await browser.newContext();
  const baseline = await scriptWeight(baseContext, baselineUrl, whiteboardReady);
  await baseContext.close();
  console.log(
    `  ${'baseline: Excalidraw + React'.padEnd(26)} ${kb(baseline.bytes).padStart(10)}  (${baseline.files} files)`
  );
  const ratio = weights['whiteboard (design mock)']! / baseline.bytes;
  console.log(
    `  dashboard ${kb(weights.dashboard!)} (goal ≤ 100 KB) · whiteboard page ×${ratio.toFixed(2)} of the baseline (goal ≤ ×1.15)`
  );

  // Time to an editable whiteboard after clicking through from the dashboard.
  const timings: Record<'cold' | 'warm', number[]> = { cold: [], warm: [] };
  const warmContext = await signedIn();
  for (let run = 0; run < RUNS; run++) {
    for (const mode of ['cold', 'warm'] as const) {
      const context = mode === 'cold' ? await signedIn() : warmContext;
      const id = await newSession(designId);
      const page = await context.newPage();
      await page.goto(`${server.url}/dashboard`);
      const link = page.locator(`a[href="/sessions/${id}"]`).first();
      await link.waitFor();
      const started = Date.now();
      await link.click();
      await whiteboardReady(page);
      await page.getByTestId('note-functional').and(page.locator(':not([readonly])')).waitFor();
      timings[mode].push(Date.now() - started);
      await page.close();
      if (mode === 'cold') await context.close();
      // Finish it so the dashboard's "in progress" list stays short.
      await first.request.post(`${server.url}/api/sessions/${id}/submit`);
    }
  }
  console.log(
    `time to an editable whiteboard after clicking through from the dashboard (median of ${RUNS}, goal ≤ 1500 ms):`
  );
  console.log(`  first visit (empty cache)  ${median(timings.cold)} ms   runs: ${timings.cold.join(', ')}`);
  console.log(`  later visit (warm cache)   ${median(timings.warm)} ms   runs: ${timings.warm.join(', ')}`);

  // The coding page against the naive whole-Monaco page, both from a click on a link in a fresh context.
  const naiveDir = path.join(work, 'naive-monaco');
  await mkdir(naiveDir);
  const naiveUrl = await buildMonacoBaseline(naiveDir, repoRoot);
  const codingUrl = `${server.url}/sessions/${await newSession(codingId)}`;
  const weighed = async (url: string) => {
    const context = url.startsWith(server.url) ? await signedIn() : await browser.newContext();
    const weight = await editorWeight(context, url);
    await context.close();
    return weight;
  };
  const ours = await weighed(codingUrl);
  const naive = await weighed(`${naiveUrl}editor.html`);
  const typing: Record<'ours' | 'naive', number[]> = { ours: [], naive: [] };
  const monacoShown: Record<'ours' | 'naive', number[]> = { ours: [], naive: [] };
  for (let run = 0; run < RUNS; run++) {
    for (const side of ['ours', 'naive'] as const) {
      const context = side === 'ours' ? await signedIn() : await browser.newContext();
      const page = await context.newPage();
      if (side === 'ours') {
        const id = await newSession(codingId);
        await page.goto(`${server.url}/dashboard`);
        const { typed, monaco } = await clickToType(page, `a[href="/sessions/${id}"]`);
        typing.ours.push(typed);
        monacoShown.ours.push(monaco);
        await first.request.post(`${server.url}/api/sessions/${id}/submit`);
      } else {
        await page.goto(naiveUrl);
        const { typed, monaco } = await clickToType(page, 'a[href="/editor.html"]');
        typing.naive.push(typed);
        monacoShown.naive.push(monaco);
      }
      await context.close();
    }
  }
  const verdict = (ratio: number, goal: number) =>
    `×${ratio.toFixed(2)} (goal ≤ ×${goal}: ${ratio <= goal ? 'goal met' : 'goal NOT met'})`;
  console.log(
    `coding page against a naive whole-Monaco page (Vite, same run; TypeScript open; load ${os.loadavg()[0]!.toFixed(1)}):`
  );
  for (const [name, w] of [
    ['coding page', ours],
    ['naive Monaco', naive]
  ] as const) {
    console.log(
      `  ${name.padEnd(14)} initial ${kb(w.initial).padStart(10)}   in all until it takes input ${kb(w.total).padStart(10)} (${w.files} files)`
    );
  }
  console.log(
    `  initial JavaScript ${verdict(ours.initial / naive.initial, 0.6)}; in all ×${(ours.total / naive.total).toFixed(2)}`
  );
  console.log(
    `  click to the first typed character (median of ${RUNS}, cold): coding page ${median(typing.ours)} ms (${typing.ours.join(', ')}), naive ${median(typing.naive)} ms (${typing.naive.join(', ')})`
  );
  console.log(`  click to type ${verdict(median(typing.ours) / median(typing.naive), 0.7)}`);
  console.log(
    `  click to the typed character in Monaco (ours: once it has taken over from the plain editor): coding page ${median(monacoShown.ours)} ms (${monacoShown.ours.join(', ')}), naive ${median(monacoShown.naive)} ms, ×${(median(monacoShown.ours) / median(monacoShown.naive)).toFixed(2)}`
  );
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await browser.close();
  await server.close();
  await rm(work, { recursive: true, force: true });
  process.exit();
}
