/** The embedded MongoDB-compatible server: build once, run on loopback, stop with the app. */
import { ensureFerretdb } from './build.ts';
import { dataFolder, startEmbeddedServer, type EmbeddedServer } from './server-process.ts';

export { ensureFerretdb, ferretdbBinaryPath, EmbeddedDatabaseUnavailable, FERRETDB_VERSION } from './build.ts';
export { startEmbeddedServer, type EmbeddedServer, type EmbeddedServerOptions } from './server-process.ts';

/**
 * The app's database when no MONGODB_URI is given: the binary (built first if the cache has none), started with
 * its data in `dataDir` (else MOCKLOOP_DATA_DIR, else ./data).
 *
 * @example
 * const embedded = await startAppDatabase({ onSpawn: () => console.log('FerretDB is coming up') });
 */
export async function startAppDatabase(
  options: { dataDir?: string; onProgress?: (line: string) => void; onSpawn?: () => void } = {}
): Promise<EmbeddedServer> {
  const binary = await ensureFerretdb(options.onProgress ? { onProgress: options.onProgress } : {});
  return startEmbeddedServer({
    binary,
    dataDir: dataFolder(options.dataDir),
    ...(options.onSpawn ? { onSpawn: options.onSpawn } : {})
  });
}
