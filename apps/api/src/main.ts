/**
 * The server's entry (`npm start` runs its build, see bin/start.js): builds what a first run lacks, starts
 * everything on PORT and stops it all on Ctrl-C or SIGTERM.
 */
import { pathToFileURL } from 'node:url';
import { EmbeddedDatabaseUnavailable } from './db/embedded/index.ts';
import { buildWhatIsMissing, webBuildHandler } from './first-run.ts';
import { progressBoard } from './progress.ts';
import { startServer, type NodeHandler } from './server.ts';

try {
  await buildWhatIsMissing({ board: progressBoard(), embedded: !process.env.MONGODB_URI });
  // Loaded while the database starts (see startServer).
  const handler = import(pathToFileURL(webBuildHandler).href).then(
    (module: { handler?: NodeHandler }) => module.handler
  );
  const server = await startServer({
    port: Number(process.env.PORT ?? 3000),
    host: process.env.HOST ?? '127.0.0.1',
    ...(process.env.MONGODB_URI ? { mongodbUri: process.env.MONGODB_URI } : {}),
    webHandler: handler,
    app: { trustProxy: process.env.MOCKLOOP_TRUST_PROXY === '1' }
  });
  const source = process.env.MONGODB_URI ? 'MONGODB_URI' : 'embedded database';
  console.log(
    `MockLoop is ready at ${server.url} (${source}, ${Math.round(performance.now())} ms after the process started)`
  );

  const stop = async (signal: string) => {
    console.log(`\n${signal}: finishing in-flight requests and stopping…`);
    await server.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
} catch (error) {
  if (error instanceof EmbeddedDatabaseUnavailable) {
    console.error(`\n${error.message}`);
    process.exit(1);
  }
  throw error;
}
