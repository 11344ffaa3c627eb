/**
 * One MockLoop instance for `bench/rooms.ts`, in its own process as it would be in production: told the database
 * (and the name all instances share) over IPC, it answers with its URL, and stops when told to. With
 * BENCH_PROFILE set it writes a CPU profile (`--cpu-prof`, see rooms.ts).
 */
import { startServer } from '../apps/api/src/server.ts';
import { benchLimits, question } from './fixtures.ts';

interface Start {
  mongodbUri: string;
  dbName: string;
}

process.once('message', async ({ mongodbUri, dbName }: Start) => {
  const server = await startServer({
    port: 0,
    mongodbUri,
    dbName,
    questions: [question],
    app: { limits: benchLimits, sessionsPerDay: 100_000 }
  });
  process.send!({ url: server.url });
  process.once('message', async () => {
    await server.close();
    process.exit(0);
  });
});
