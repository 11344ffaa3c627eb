/** Driving the Excalidraw whiteboard from end-to-end tests. */
import type { Page } from 'playwright-core';

/** The editable canvas; it becomes visible only once the whiteboard accepts input. */
export const canvas = (page: Page) => page.locator('.excalidraw canvas.interactive').first();

/** Picks a tool (its icon covers the radio input, so the click is forced onto the input). */
export async function pickTool(page: Page, tool: 'rectangle' | 'ellipse' | 'text'): Promise<void> {
  await page.locator(`[data-testid="toolbar-${tool}"]`).first().click({ force: true });
}

/** Drags a shape from (x, y), measured from the canvas's top left. */
export async function drawShape(page: Page, tool: 'rectangle' | 'ellipse', x: number, y: number, size = 120) {
  await pickTool(page, tool);
  const box = (await canvas(page).boundingBox())!;
  await page.mouse.move(box.x + x, box.y + y);
  await page.mouse.down();
  for (let step = 1; step <= 10; step++) {
    await page.mouse.move(box.x + x + (step * size) / 10, box.y + y + (step * size) / 20);
    await page.waitForTimeout(16);
  }
  await page.mouse.up();
}

/** Places a text label at (x, y) and types it. */
export async function typeLabel(page: Page, text: string, x: number, y: number, onFirstKey?: () => void) {
  await pickTool(page, 'text');
  const box = (await canvas(page).boundingBox())!;
  await page.mouse.click(box.x + x, box.y + y);
  onFirstKey?.();
  await page.keyboard.type(text);
  await page.keyboard.press('Escape');
}
