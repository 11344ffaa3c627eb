/** One Node process, one port: the API under /api, the SvelteKit app for every other path, and the database. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { SANDBOX_DOCUMENT } from '@mockloop/contracts/sandbox';
import { loadQuestionBank, type VersionedQuestion } from '@mockloop/question-bank/load';
import { createApp, type AppOptions } from './app.ts';
import { connectDatabase, type Database } from './db/client.ts';
import { startAppDatabase, type EmbeddedServer } from './db/embedded/index.ts';
import { SANDBOX_HEADERS, SANDBOX_HTML } from './sandbox/document.ts';

/** Sent with every response; pages get their Content-Security-Policy from SvelteKit (with its script hashes). */
const SECURITY_HEADERS: [string, string][] = [
  ['X-Content-Type-Options', 'nosniff'],
  ['Referrer-Policy', 'same-origin'],
  ['X-Frame-Options', 'DENY'],
  ['Cross-Origin-Opener-Policy', 'same-origin'],
  // The microphone is ours alone: "record yourself" and the live room's call; no frame may ask for it.
  ['Permissions-Policy', 'camera=(), microphone=(self), geolocation=()']
];

export type NodeHandler = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

export interface ServerOptions {
  port?: number;
  host?: string;
  /** Use this MongoDB; when absent, the embedded server runs with its data in `dataDir`. */
  mongodbUri?: string;
  /**
   * The embedded server, already starting (`npm start` spawns it before it loads this module); without it and
   * without `mongodbUri`, one is started here. Either way the server stops it when it closes.
   */
  embedded?: Promise<EmbeddedServer>;
  dbName?: string;
  dataDir?: string;
  /** SvelteKit's adapter-node handler (or its import, awaited while the database starts); without it only the API. */
  webHandler?: NodeHandler | Promise<NodeHandler | undefined>;
  onProgress?: (line: string) => void;
  app?: Omit<AppOptions, 'db' | 'questions'>;
  /** The question bank; read from question-bank/ when absent. */
  questions?: VersionedQuestion[];
}

export interface RunningServer {
  url: string;
  port: number;
  database: Database;
  /** The supervised embedded FerretDB, when no MongoDB URI was given. */
  embedded: EmbeddedServer | null;
  /** Stops accepting connections, finishes in-flight requests, then closes the database. */
  close(): Promise<void>;
}

/**
 * @example
 * const server = await startServer({ port: 3000, webHandler });
 * process.on('SIGTERM', () => server.close());
 */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  // Read while the database starts (a separate process): start-up waits for the longer, not the sum.
  const loading = Promise.all([options.questions ?? loadQuestionBank(), options.webHandler]);
  loading.catch(() => {});
  let embedded: EmbeddedServer | null = null;
  let uri = options.mongodbUri;
  if (!uri) {
    const started = await (options.embedded ??
      startAppDatabase({
        ...(options.dataDir ? { dataDir: options.dataDir } : {}),
        ...(options.onProgress ? { onProgress: options.onProgress } : {})
      }));
    embedded = started;
    uri = started.uri;
  }

  let database: Database;
  try {
    database = await connectDatabase(uri, options.dbName);
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
  let questions: VersionedQuestion[];
  let web: NodeHandler | undefined;
  try {
    [questions, web] = await loading;
  } catch (error) {
    await database.close();
    await embedded?.stop();
    throw error;
  }
  const app = createApp({
    ...options.app,
    db: database,
    questions,
    ...(embedded ? { databaseStatus: embedded } : {})
  });
  const sweeper = setInterval(() => {
    void app.services.sessions.sweepExpired().catch(() => {});
    void app.services.room.prune().catch(() => {});
  }, 10_000);
  sweeper.unref();
  const api = getRequestListener(app.fetch);

  const server: Server = createServer((req, res) => {
    for (const [name, value] of SECURITY_HEADERS) res.setHeader(name, value);
    if (req.url === '/api' || req.url?.startsWith('/api/') || req.url?.startsWith('/api?') || !web) {
      void api(req, res);
      return;
    }
    // The code sandbox's document carries its own policy (sandbox/document.ts) and may be framed by our pages.
    if (req.url?.split('?')[0] === SANDBOX_DOCUMENT && (req.method === 'GET' || req.method === 'HEAD')) {
      res.removeHeader('X-Frame-Options');
      res.writeHead(200, SANDBOX_HEADERS);
      res.end(req.method === 'HEAD' ? undefined : SANDBOX_HTML);
      return;
    }
    // Runtimes that load lazily (Pyodide, Excalidraw's fonts) are cached, so Python runs with no network once
    // the page has used it; their file names carry no hash, hence a week rather than forever.
    if (req.url?.startsWith('/pyodide/') || req.url?.startsWith('/excalidraw-assets/')) {
      res.setHeader('Cache-Control', 'public, max-age=604800');
    }
    // The sandbox's worker script is fetched with the build's version in its query string.
    if (req.url?.startsWith('/sandbox/') && req.url.includes('?v='))
      res.setHeader('Cache-Control', 'public, max-age=604800');
    web(req, res, () => {
      res.statusCode = 404;
      res.end('Not found');
    });
  });
  // Idle kept-alive connections outlive the clients' own keep-alive (browsers, fetch, a proxy in front): the client
  // always drops one first, so it never sends a request on a socket the server is closing (an ECONNRESET).
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 3000, options.host ?? '127.0.0.1', resolve);
    });
  } catch (error) {
    await database.close();
    await embedded?.stop();
    throw error;
  }
  const port = (server.address() as AddressInfo).port;
  const host = options.host && options.host !== '0.0.0.0' ? options.host : 'localhost';

  let closing: Promise<void> | null = null;
  return {
    url: `http://${host === '127.0.0.1' ? 'localhost' : host}:${port}`,
    port,
    database,
    embedded,
    close: () =>
      (closing ??= (async () => {
        clearInterval(sweeper);
        // Ends the open event streams; their browsers reconnect to another instance, or to this one restarted.
        app.services.hub.close();
        app.services.auth.stop();
        await new Promise<void>((resolve) => {
          // A kept-alive connection whose request (a stream, a save) ends after this is closed once it is idle.
          const sweep = setInterval(() => server.closeIdleConnections(), 50);
          server.close(() => {
            clearInterval(sweep);
            resolve();
          });
          server.closeIdleConnections();
        });
        // The replay snapshots of saves already answered.
        await app.services.sessions.settled();
        await database.close();
        await embedded?.stop();
      })())
  };
}
