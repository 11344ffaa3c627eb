// @ts-check
/** `npm start`: builds the server when its sources changed (a second or so), then runs the built server. */
import { buildServer, serverBuildIsFresh, startBuiltServer } from './server-build.js';

if (!serverBuildIsFresh()) {
  const ms = await buildServer();
  console.log(`✓ built the server in ${(ms / 1000).toFixed(1)}s`);
}
await startBuiltServer();
