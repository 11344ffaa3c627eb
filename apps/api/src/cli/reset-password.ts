/**
 * `npm run user:reset-password -- <email>`: prints a one-time link that sets a new password for that account,
 * for an instance that sends no e-mail. The instance's owner runs it and hands the link over; it works for an
 * hour, once. Uses MONGODB_URI, else the embedded database (the running MockLoop's, or one started for the run).
 */
import { issuePasswordReset, RESET_TTL_MS } from '../services/auth.ts';
import { connectDatabase } from '../db/client.ts';
import { startAppDatabase } from '../db/embedded/index.ts';
import { dataFolder, runningServerUri } from '../db/embedded/server-process.ts';
import { createUsersRepo } from '../db/users-repo.ts';

/** The page a link opens: the instance's public address (MOCKLOOP_PUBLIC_URL), else the local one. */
function resetLink(token: string, base = process.env.MOCKLOOP_PUBLIC_URL): string {
  const origin = (base ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/+$/, '');
  return `${origin}/reset-password#${token}`;
}

async function main(argv: string[]): Promise<number> {
  const email = argv.find((arg) => !arg.startsWith('-'));
  if (!email) {
    console.error('Usage: npm run user:reset-password -- <email>');
    return 2;
  }
  const running = process.env.MONGODB_URI ? null : await runningServerUri(dataFolder());
  const embedded = process.env.MONGODB_URI || running ? null : await startAppDatabase();
  const database = await connectDatabase(process.env.MONGODB_URI ?? running ?? embedded!.uri);
  try {
    const issued = await issuePasswordReset(createUsersRepo(database), email);
    if (!issued) {
      console.error(`No account has the e-mail ${email}.`);
      return 1;
    }
    console.log(`A one-time link to set a new password for ${email} (works once, for ${RESET_TTL_MS / 60_000} min):`);
    console.log(resetLink(issued.token));
    return 0;
  } finally {
    await database.close();
    await embedded?.stop();
  }
}

process.exitCode = await main(process.argv.slice(2));
