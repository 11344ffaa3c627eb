/**
 * Deleting what one owns, in Chromium: a session from its result page, then the account from the account page
 * (the password, then the confirmation); both survive a reload as gone. At 1440 and 390 px.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, signedInPerson } from '../support/browser.ts';
import { designFixture } from '../support/fixtures.ts';
import { startTestServer } from '../support/server.ts';

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer({ web: true, questions: [designFixture] });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe.each([
  { name: 'Desk', viewport: { width: 1440, height: 900 } },
  { name: 'Phone', viewport: { width: 390, height: 844 } }
])('at $viewport.width px', ({ name, viewport }) => {
  it('deletes a session from its result page, then the account from the account page', async () => {
    const { context, page } = await signedInPerson(browser, server.url, name, {
      domain: 'owned.e2e.example',
      viewport
    });
    const created = await page.request.post(`${server.url}/api/sessions`, { data: { questionId: designFixture.id } });
    const { session } = await created.json();
    await page.request.post(`${server.url}/api/sessions/${session.id}/submit`);
    await page.goto(`${server.url}/sessions/${session.id}/result`);

    await page.getByTestId('delete-session').click();
    const dialog = page.getByTestId('confirm-dialog');
    await expect.poll(() => dialog.getByRole('heading').textContent()).toBe('Delete this session?');
    await page.screenshot({ path: `test-results/delete-session-${viewport.width}.png` });
    await dialog.getByRole('button', { name: 'Delete session' }).click();
    await page.waitForURL(`${server.url}/sessions`);
    await page.reload();
    expect((await page.request.get(`${server.url}/api/sessions/${session.id}`)).status()).toBe(404);

    await page.getByTestId('user-name').click();
    await page.waitForURL(`${server.url}/account`);
    expect(await page.getByTestId('account-name').textContent()).toBe(name);
    // A wrong password is said so, and nothing is deleted.
    await page.getByLabel('Your password').fill('not-my-password-1');
    await page.getByTestId('delete-account').click();
    await page.getByTestId('confirm-dialog').getByRole('button', { name: 'Delete my account' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('not this account');
    await page.getByLabel('Your password').fill(`${name}-password-1`);
    await page.screenshot({ path: `test-results/account-${viewport.width}.png`, fullPage: true });
    await page.getByTestId('delete-account').click();
    await page.getByTestId('confirm-dialog').getByRole('button', { name: 'Delete my account' }).click();
    await page.waitForURL(/\/\?deleted$/);
    await page.reload();
    expect(await page.getByTestId('user-name').count()).toBe(0);
    const signIn = await page.request.post(`${server.url}/api/auth/signin`, {
      data: { email: `${name.toLowerCase()}@owned.e2e.example`, password: `${name}-password-1` }
    });
    expect(signIn.status()).toBe(401);
    await context.close();
  });
});
