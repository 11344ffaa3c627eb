/**
 * One MockLoop instance for `bench/rooms.ts`, in its own process as it would be in production: told the database
 * (and the name all instances share) over IPC, it answers with its URL, and stops when told to. With
 * BENCH_PROFILE set it writes a CPU profile (`--cpu-prof`, see rooms.ts).
 */
import { startServer } from '../apps/api/src/server.ts';
import { countDatabaseCalls, reportDatabaseCalls } from './db-calls.ts';
import { benchLimits, question } from './fixtures.ts';

interface Start {
  mongodbUri: string;
  dbName: string;
  name: string;
}

process.once('message', async ({ mongodbUri, dbName, name }: Start) => {
  if (process.env.BENCH_DB_STATS === '1') countDatabaseCalls();
  const server = await startServer({
    port: 0,
    mongodbUri,
    dbName,
    questions: [question],
    app: { limits: benchLimits, sessionsPerDay: 100_000 }
  });
  process.send!({ url: server.url });
  process.on('message', async (message) => {
    // 'stats' / 'reset': this instance's database calls since the last ask (BENCH_DB_STATS=1), printed or not.
    if (message === 'stats' || message === 'reset') {
      const report = reportDatabaseCalls(name);
      if (message === 'stats') console.log(report);
      process.send!('reported');
      return;
    }
    await server.close();
    process.exit(0);
  });
});
