/**
 * Every page at a desktop's 1440 px and a phone's 390 px: nothing scrolls sideways, axe-core finds no serious or
 * critical violation of ours, the console shows no error (a CSP block, a failed request), and a screenshot is kept.
 */
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchChromium } from './browser.ts';
import { startTestServer } from './server.ts';
import { prepareTour, type Tour } from './tour.ts';

const shots = path.resolve(import.meta.dirname, '../../test-results/pages');
mkdirSync(shots, { recursive: true });
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Violations inside third-party widgets we embed but do not render ourselves, each with where it comes from.
 * A rule is excused only for nodes matching the selector, so the same problem in our own markup still fails.
 */
const THIRD_PARTY: { rule: string; within: string; why: string }[] = [
  {
    rule: 'label-content-name-mismatch',
    within: '.excalidraw .reset-zoom-button',
    why: 'Excalidraw names its zoom button "Reset zoom" while it shows the zoom level (excalidraw/excalidraw#11890)'
  },
  {
    rule: 'color-contrast',
    within: '.monaco-editor',
    why: 'Monaco fades unused code and paints its own tokens (microsoft/monaco-editor#4971)'
  }
];

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; html: string }[];
}

async function ourViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const violations = (await page.evaluate(() =>
    (window as unknown as { axe: { run(): Promise<{ violations: unknown[] }> } }).axe.run().then((r) => r.violations)
  )) as Violation[];
  const found: string[] = [];
  for (const violation of violations) {
    if (violation.impact !== 'serious' && violation.impact !== 'critical') continue;
    const excuses = THIRD_PARTY.filter((t) => t.rule === violation.id);
    for (const node of violation.nodes) {
      const selector = node.target.join(' ');
      const inside = ([s, w]: string[]) => !!document.querySelector(s!)?.closest(w!);
      let excused = false;
      for (const excuse of excuses) excused ||= await page.evaluate(inside, [selector, excuse.within]);
      if (excused) continue;
      found.push(`${violation.id} (${violation.impact}): ${violation.help} at ${selector} ${node.html.slice(0, 120)}`);
    }
  }
  return found;
}

/** Every page at one width, with a server, a browser and a tour of its own: each width is a file, run in parallel. */
export function everyPageSuite(viewport: { width: number; height: number }): void {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let tour: Tour;

  beforeAll(async () => {
    server = await startTestServer({ web: true });
    browser = await launchChromium();
    tour = await prepareTour(server, browser);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it(`at ${viewport.width} px, every page fits the width, passes axe-core, logs no error and is screenshotted`, async () => {
    const problems: string[] = [];
    for (const target of tour.pages) {
      const context = await tour.contextFor(target.as, viewport);
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(server.url + target.path);
      await page.waitForLoadState('networkidle');
      await target
        .ready?.(page)
        .catch((error: Error) => problems.push(`${target.name}: not ready: ${error.message.split('\n')[0]}`));
      await page.waitForTimeout(300);

      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      if (overflow > 0) problems.push(`${target.name}: scrolls sideways by ${overflow} px`);
      // A list of sessions shows every column without scrolling its own box sideways (on a phone it stacks).
      const hidden = await page.evaluate(() =>
        [...document.querySelectorAll('table[data-testid="history"]')].map(
          (t) => t.scrollWidth - t.parentElement!.clientWidth
        )
      );
      for (const by of hidden.filter((px) => px > 0)) problems.push(`${target.name}: a session list hides ${by} px`);
      for (const violation of await ourViolations(page)) problems.push(`${target.name}: ${violation}`);
      for (const error of errors) problems.push(`${target.name}: console error: ${error.slice(0, 200)}`);
      await page.screenshot({ path: path.join(shots, `${target.name}-${viewport.width}.png`), fullPage: true });
      await context.close();
    }
    expect(problems).toEqual([]);
  }, 180_000);
}
