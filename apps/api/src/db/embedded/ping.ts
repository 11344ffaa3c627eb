/**
 * One ping of a server, with a client of its own. A module apart so that server-process.ts can import it (and
 * the driver) lazily: `npm start` spawns FerretDB before it loads the driver (see start.ts).
 */
import { MongoClient } from 'mongodb';

/** Resolves when the server at `uri` answers a ping; rejects with the driver's error otherwise. */
export async function pingOnce(uri: string): Promise<void> {
  const client = new MongoClient(uri, { serverSelectionTimeoutMS: 500, connectTimeoutMS: 500 });
  try {
    await client.connect();
    await client.db('admin').command({ ping: 1 });
  } finally {
    await client.close().catch(() => {});
  }
}
