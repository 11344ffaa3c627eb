/** Driving the Monaco editor from end-to-end tests. */
import type { Page } from 'playwright-core';

/** Replaces the editor's text by pasting, as a candidate pasting their solution would (typing would auto-indent). */
export async function typeCode(page: Page, code: string): Promise<void> {
  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.evaluate((text) => navigator.clipboard.writeText(text), code);
  await page.keyboard.press('ControlOrMeta+V');
}

/** The editor's visible text (Monaco renders spaces as no-break spaces). */
export async function editorText(page: Page): Promise<string> {
  return ((await page.locator('.monaco-editor .view-lines').textContent()) ?? '').replaceAll('\u00a0', ' ');
}
