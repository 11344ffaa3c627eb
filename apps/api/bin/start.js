// @ts-check
/** `npm start`: builds the server when its sources changed (a second or so), then runs the built server. */
import { pathToFileURL } from 'node:url';
import { buildServer, serverBuildIsFresh, serverEntry } from './server-build.js';

if (!serverBuildIsFresh()) {
  const ms = await buildServer();
  console.log(`✓ built the server in ${(ms / 1000).toFixed(1)}s`);
}
// Stack traces name our sources (the bundle's map), but the driver loads first, before source maps are on: Node 20
// reads and indexes the map of every module it loads once they are, and the driver ships one per file (132): in a
// CPU profile of a warm start, the source-map cache went from 97 ms to 17.
await import('mongodb');
await import('@hono/zod-openapi');
process.setSourceMapsEnabled(true);
await import(pathToFileURL(serverEntry()).href);
