/** The embedded MongoDB-compatible server: build once, run on loopback, stop with the app. */
export { ensureFerretdb, ferretdbBinaryPath, EmbeddedDatabaseUnavailable, FERRETDB_VERSION } from './build.ts';
export { dataFolder, startEmbeddedServer, type EmbeddedServer, type EmbeddedServerOptions } from './server-process.ts';
