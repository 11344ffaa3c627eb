/**
 * One ping of a server, with a client of its own. A module apart so that server-process.ts can import it (and
 * the driver) lazily: `npm start` spawns FerretDB before it loads the driver (see start.ts).
 */
import { MongoClient } from 'mongodb';

/**
 * Resolves with the pid of the server at `uri` once it answers (FerretDB's `serverStatus` names its process); rejects
 * with the driver's error otherwise.
 */
export async function pingOnce(uri: string): Promise<number | null> {
  const client = new MongoClient(uri, { serverSelectionTimeoutMS: 500, connectTimeoutMS: 500 });
  try {
    await client.connect();
    const status = await client.db('admin').command({ serverStatus: 1 });
    return typeof status.pid === 'number' ? status.pid : null;
  } finally {
    await client.close().catch(() => {});
  }
}
