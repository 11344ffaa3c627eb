/** `npm start`: builds the web app if it has no build yet, starts everything on PORT and stops it all on Ctrl-C or SIGTERM. */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { EmbeddedDatabaseUnavailable } from './db/embedded/index.ts';
import { progressLine } from './progress.ts';
import { startServer, type ServerOptions } from './server.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const webBuild = path.join(repoRoot, 'apps/web/build/handler.js');
const startedAt = Date.now();
const line = progressLine();

if (!existsSync(webBuild)) await buildWeb();
const { handler } = (await import(pathToFileURL(webBuild).href)) as { handler: ServerOptions['webHandler'] };

try {
  const server = await startServer({
    port: Number(process.env.PORT ?? 3000),
    host: process.env.HOST ?? '127.0.0.1',
    ...(process.env.MONGODB_URI ? { mongodbUri: process.env.MONGODB_URI } : {}),
    ...(handler ? { webHandler: handler } : {}),
    onProgress: line.update,
    app: { trustProxy: process.env.MOCKLOOP_TRUST_PROXY === '1' }
  });
  const source = process.env.MONGODB_URI ? 'MONGODB_URI' : 'embedded database';
  console.log(`MockLoop is ready at ${server.url} (${source}, ${Date.now() - startedAt} ms)`);

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

function buildWeb(): Promise<void> {
  const started = Date.now();
  const timer = setInterval(
    () => line.update(`building the web app, first run only… ${Math.round((Date.now() - started) / 1000)}s`),
    1000
  );
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', 'build', '--workspace', '@mockloop/web'], {
      cwd: repoRoot,
      stdio: ['ignore', 'ignore', 'inherit']
    });
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(timer);
      if (code === 0) {
        line.done(`built the web app in ${Math.round((Date.now() - started) / 1000)}s`);
        resolve();
      } else reject(new Error(`building the web app failed (exit code ${code})`));
    });
  });
}
