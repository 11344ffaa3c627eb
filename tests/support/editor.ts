/** Driving the Monaco editor from end-to-end tests. */
import type { Page } from 'playwright-core';

/**
 * Replaces the editor's text by pasting, as a candidate pasting their solution would (typing would auto-indent),
 * and waits until the editor shows one of the pasted text's last lines (the cursor ends there, so it is in view):
 * Monaco applies a paste and renders it on a later frame, so reading the editor right after the key press can
 * still see the old, or the deleted and empty, text.
 */
export async function typeCode(page: Page, code: string): Promise<void> {
  const lines = code.split('\n').map((line) => line.trim());
  const marker = lines.slice(-4).findLast((line) => line.length >= 6) ?? lines.findLast((line) => line !== '') ?? '';
  for (let attempt = 0; attempt < 3; attempt++) {
    await page.locator('.monaco-editor .view-lines').click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Delete');
    await page.evaluate((text) => navigator.clipboard.writeText(text), code);
    await page.keyboard.press('ControlOrMeta+V');
    if (await shows(page, marker)) return;
  }
  throw new Error(`the editor never showed the pasted code's line: ${marker}`);
}

/** The editor's visible text (Monaco renders spaces as no-break spaces). */
export async function editorText(page: Page): Promise<string> {
  return ((await page.locator('.monaco-editor .view-lines').textContent()) ?? '').replaceAll('\u00a0', ' ');
}

async function shows(page: Page, line: string, timeoutMs = 3_000): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if ((await editorText(page)).includes(line)) return true;
    await page.waitForTimeout(100);
  }
  return false;
}
