/**
 * What `npm start` runs (its build, see bin/start.js; or `tsx apps/api/src/main.ts` from the sources): builds what
 * a first run lacks, starts everything on PORT and stops it all on Ctrl-C or SIGTERM.
 *
 * Only what starts the embedded database is imported up front: FerretDB (its own process) comes up while this one
 * loads the driver, the API and the web app, so a warm start waits for the longer of the two, not their sum.
 */
import { pathToFileURL } from 'node:url';
import { EmbeddedDatabaseUnavailable, startAppDatabase } from './db/embedded/index.ts';
import { buildWhatIsMissing, webBuildHandler } from './first-run.ts';
import { progressBoard } from './progress.ts';
import type { NodeHandler } from './server.ts';

export interface StartOptions {
  /** Loads an ES module (the web app's build): the built server has no `import()` of its own (see bin/bundle.js). */
  importModule: (url: string) => Promise<unknown>;
}

/** Resolves once MockLoop is ready; exits the process when it cannot start. */
export function start(options: StartOptions): Promise<void> {
  return run(options).catch((error: unknown) => {
    if (error instanceof EmbeddedDatabaseUnavailable) console.error(`\n${error.message}`);
    else console.error(error);
    process.exit(1);
  });
}

async function run({ importModule }: StartOptions): Promise<void> {
  await buildWhatIsMissing({ board: progressBoard(), embedded: !process.env.MONGODB_URI });
  let spawned = (): void => {};
  const ferretdbStarted = new Promise<void>((resolve) => (spawned = resolve));
  const embedded = process.env.MONGODB_URI ? undefined : startAppDatabase({ onSpawn: spawned });
  if (embedded) {
    // Loading the server keeps this thread busy for a while: FerretDB's process starts first. A failure to start
    // it is startServer's to report (this wait only catches it).
    await Promise.race([ferretdbStarted, embedded.catch(() => {})]);
  }
  const { startServer } = await import('./server.ts');
  // Loaded while the database starts (see startServer).
  const handler = importModule(pathToFileURL(webBuildHandler).href).then(
    (module) => (module as { handler?: NodeHandler }).handler
  );
  const server = await startServer({
    port: Number(process.env.PORT ?? 3000),
    host: process.env.HOST ?? '127.0.0.1',
    ...(process.env.MONGODB_URI ? { mongodbUri: process.env.MONGODB_URI } : {}),
    ...(embedded ? { embedded } : {}),
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
}
