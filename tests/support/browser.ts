/** Launches Debian's Chromium through playwright-core with the flags this sandbox needs. */
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface LaunchOptions {
  /** A fake microphone and camera (a beeping tone), allowed without asking: recording and call tests. */
  fakeMedia?: boolean;
}

export function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
  const media = options.fakeMedia ? ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream'] : [];
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      ...media
    ]
  });
}

/**
 * Signs a page's context up and in through the API (sign-up answers 202 whatever the e-mail, then the page signs
 * in, as the sign-up page does); returns the sign-in's response.
 */
export async function signUpThroughApi(
  page: Page,
  baseUrl: string,
  data: { email: string; password: string; name: string }
) {
  const signedUp = await page.request.post(`${baseUrl}/api/auth/signup`, { data });
  if (signedUp.status() !== 202) throw new Error(`sign-up answered ${signedUp.status()}: ${await signedUp.text()}`);
  return page.request.post(`${baseUrl}/api/auth/signin`, { data: { email: data.email, password: data.password } });
}

/**
 * A new person in their own browser context, signed up and in (an e-mail made from `name` at `domain`): one of the
 * two or more people of a peer or live-room test.
 */
export async function signedInPerson(
  browser: Browser,
  baseUrl: string,
  name: string,
  options: { domain: string; viewport?: { width: number; height: number }; clipboard?: boolean }
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1440, height: 900 } });
  if (options.clipboard) await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
  const page = await context.newPage();
  await page.goto(baseUrl);
  const res = await signUpThroughApi(page, baseUrl, {
    email: `${name.toLowerCase()}@${options.domain}`,
    password: `${name}-password-1`,
    name
  });
  if (res.status() !== 200) throw new Error(`sign-in of ${name} answered ${res.status()}: ${await res.text()}`);
  return { context, page };
}

/** Presses a mock's Finish (or "Finish assessment") and agrees in the in-app dialog it opens. */
export async function finishMock(page: Page, label = 'Finish'): Promise<void> {
  await page.getByRole('button', { name: label, exact: true }).click();
  await page.getByTestId('confirm-dialog').getByRole('button', { name: 'Finish now' }).click();
}

/**
 * The page full length at its width (1440 px in these tests) and at a phone's 390 px, as `<dir>/<name>-1440.png`
 * and `<dir>/<name>-390.png`; the viewport is put back.
 */
export async function screenshotBothWidths(page: Page, dir: string, name: string): Promise<void> {
  await page.screenshot({ path: path.join(dir, `${name}-1440.png`), fullPage: true });
  const size = page.viewportSize()!;
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: path.join(dir, `${name}-390.png`), fullPage: true });
  await page.setViewportSize(size);
}
