/** Names and addresses of test databases on the run's server (tests/setup/database.ts). */
import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';

/** A database of this run's own, e.g. "t1a2b3c_test_9f8e7d6c5b4a". */
export function testDatabaseName(kind: string): string {
  return `${inject('databasePrefix')}${kind}_${randomBytes(6).toString('hex')}`;
}

/** `uri` with its database set to `dbName`, keeping hosts and options: what MONGODB_URI takes. */
export function uriWithDatabase(uri: string, dbName: string): string {
  const match = /^(mongodb(?:\+srv)?:\/\/[^/?]+)(?:\/[^?]*)?(\?.*)?$/.exec(uri);
  if (!match) throw new Error(`not a MongoDB URI: ${uri}`);
  return `${match[1]}/${encodeURIComponent(dbName)}${match[2] ?? ''}`;
}
