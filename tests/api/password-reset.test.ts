/**
 * A password reset on an instance without e-mail, over HTTP on the real database: the owner's command prints a
 * one-time link (only its hash is stored), the link sets a new password once, signs the account out everywhere,
 * and an expired, used or forged link is refused with RESET_LINK_INVALID.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { inject } from 'vitest';
import { issuePasswordReset } from '../../apps/api/src/services/auth.ts';
import { createUsersRepo } from '../../apps/api/src/db/users-repo.ts';
import { client, reply, startTestServer } from '../support/server.ts';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
let server: Awaited<ReturnType<typeof startTestServer>>;
const email = 'forgetful@reset.example';
const oldPassword = 'the old pass phrase 1';
const newPassword = 'a brand new pass phrase 2';

beforeAll(async () => {
  server = await startTestServer();
  const owner = client(server.url);
  await owner.signUp({ email, password: oldPassword, name: 'Forgetful' });
});
afterAll(() => server?.close());

/** The run's database server with this file's database named in its path, as MONGODB_URI names one. */
function databaseUri(): string {
  const [base = '', query] = inject('mongodbUri').split('?');
  return `${base.replace(/\/?$/, '/')}${server.dbName}${query ? `?${query}` : ''}`;
}

/** `npm run user:reset-password -- <email>`, as the instance's owner runs it. */
async function resetCommand(forEmail: string) {
  return run('npx', ['tsx', 'apps/api/src/cli/reset-password.ts', forEmail], {
    cwd: root,
    env: { ...process.env, MONGODB_URI: databaseUri(), MOCKLOOP_PUBLIC_URL: server.url }
  }).then(
    ({ stdout }) => ({ code: 0, stdout }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stderr })
  );
}

const reset = (token: string, password: string) =>
  reply(client(server.url).api.auth['password-reset'].$post({ json: { token, password } }));
const signInAs = (c: ReturnType<typeof client>, password: string) =>
  reply(c.api.auth.signin.$post({ json: { email, password } }));

it('prints a one-time link, stores only its hash, and the link sets a new password once', async () => {
  const person = client(server.url);
  expect((await signInAs(person, oldPassword)).status).toBe(200);

  const printed = await resetCommand(email);
  expect(printed.code).toBe(0);
  const link = /(http\S+\/reset-password#(\S+))/.exec(printed.stdout);
  expect(link?.[1]).toContain(`${server.url}/reset-password#`);
  const token = link![2]!;
  const secret = token.split('.')[1]!;
  const stored = await server.database.users.findOne({ emailKey: email });
  expect(stored?.passwordReset?.secretHash).toMatch(/^[0-9a-f]{64}$/);
  expect(JSON.stringify(stored)).not.toContain(secret);

  // A weak password is refused, and the link still works afterwards.
  const weak = await reset(token, 'password');
  expect(weak.status).toBe(400);
  expect(weak.json.error.code).toBe('WEAK_PASSWORD');
  expect(weak.json.error.fields.password).toBeTruthy();

  const done = await reset(token, newPassword);
  expect(done.status).toBe(200);
  // Signed out everywhere: the session opened before the reset is refused.
  expect((await reply(person.api.me.$get())).status).toBe(401);
  const signIn = (password: string) => signInAs(client(server.url), password);
  expect((await signIn(oldPassword)).status).toBe(401);
  expect((await signIn(newPassword)).status).toBe(200);

  const again = await reset(token, 'yet another pass phrase 3');
  expect(again.status).toBe(400);
  expect(again.json.error.code).toBe('RESET_LINK_INVALID');
  expect((await signIn(newPassword)).status).toBe(200);
}, 60_000);

it.each([
  [
    'an expired link',
    async () =>
      (await issuePasswordReset(createUsersRepo(server.database), email, new Date(Date.now() - 2 * 3600_000)))!.token
  ],
  [
    'a forged secret',
    async () =>
      `${(await issuePasswordReset(createUsersRepo(server.database), email))!.token.split('.')[0]}.${'A'.repeat(43)}`
  ],
  ['an account that does not exist', async () => `${'0'.repeat(24)}.${'B'.repeat(43)}`],
  [
    'a replaced link',
    async () => {
      const first = (await issuePasswordReset(createUsersRepo(server.database), email))!.token;
      await issuePasswordReset(createUsersRepo(server.database), email);
      return first;
    }
  ]
])('refuses %s with 400 RESET_LINK_INVALID', async (_name, tokenFor) => {
  const res = await reset(await tokenFor(), 'one more pass phrase 4');
  expect(res.status).toBe(400);
  expect(res.json.error).toMatchObject({ code: 'RESET_LINK_INVALID', message: expect.stringContaining('expired') });
});

it('says so, with exit code 1, for an e-mail without an account', async () => {
  const printed = await resetCommand('nobody@reset.example');
  expect(printed.code).toBe(1);
  expect(printed.stdout).toContain('No account has the e-mail nobody@reset.example');
}, 60_000);
