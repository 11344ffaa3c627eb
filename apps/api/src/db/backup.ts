/**
 * A logical copy of a whole MockLoop database, taken while it runs: every collection's documents as Extended JSON
 * (types kept: ObjectIds, dates, binary audio), one line each, gzipped. Each collection is read in `_id` order in
 * pages, so a save acknowledged before the backup began is in it (a document is read as it stands when its page
 * is read, never older). Restoring writes them into an empty database and builds the indexes, on the embedded
 * server or on any MongoDB.
 *
 * @example
 * await backupTo(database.db, 'mockloop-2026-12-07.jsonl.gz');
 * await restoreFrom(emptyDb, 'mockloop-2026-12-07.jsonl.gz');
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { BSON, type Db, type Document } from 'mongodb';

export const BACKUP_FORMAT = 'mockloop-backup/1';
/** Documents a page: recording chunks are up to 512 KiB each, so a page stays within tens of megabytes. */
const PAGE = 50;

interface Header {
  format: typeof BACKUP_FORMAT;
  takenAt: string;
  database: string;
}

/** Writes every collection of `db` to `file`; answers how many documents each held. */
export async function backupTo(db: Db, file: string): Promise<Record<string, number>> {
  const gzip = createGzip();
  const written = pipeline(gzip, createWriteStream(file));
  const write = async (line: object) => {
    if (!gzip.write(`${BSON.EJSON.stringify(line, { relaxed: false })}\n`)) await once(gzip, 'drain');
  };
  const header: Header = { format: BACKUP_FORMAT, takenAt: new Date().toISOString(), database: db.databaseName };
  await write(header);
  const counts: Record<string, number> = {};
  const names = (await db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name).sort();
  for (const name of names) {
    counts[name] = 0;
    await write({ collection: name });
    // Pages by _id, each started after the last one's final _id: no long-lived cursor on a busy server.
    let after: unknown = undefined;
    for (;;) {
      const filter: Document = after === undefined ? {} : { _id: { $gt: after } };
      const page = await db.collection(name).find(filter).sort({ _id: 1 }).limit(PAGE).toArray();
      for (const doc of page) await write({ doc });
      counts[name] += page.length;
      if (page.length < PAGE) break;
      after = page.at(-1)!._id;
    }
  }
  gzip.end();
  await written;
  return counts;
}

export class BackupError extends Error {
  override name = 'BackupError';
}

/** Writes the backup in `file` into `db`, which must hold no documents; answers how many went into each collection. */
export async function restoreFrom(db: Db, file: string): Promise<Record<string, number>> {
  for (const { name } of await db.listCollections({}, { nameOnly: true }).toArray()) {
    if ((await db.collection(name).estimatedDocumentCount()) > 0) {
      throw new BackupError(
        `The database ${db.databaseName} is not empty (${name} has documents): restore into an empty one.`
      );
    }
  }
  const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  const counts: Record<string, number> = {};
  let collection: string | null = null;
  let batch: Document[] = [];
  const flush = async () => {
    if (collection && batch.length > 0) await db.collection(collection).insertMany(batch, { ordered: true });
    batch = [];
  };
  let first = true;
  for await (const line of lines) {
    if (!line) continue;
    const entry = BSON.EJSON.parse(line, { relaxed: false }) as Document;
    if (first) {
      if (entry.format !== BACKUP_FORMAT) throw new BackupError(`${file} is not a MockLoop backup.`);
      first = false;
      continue;
    }
    if (typeof entry.collection === 'string') {
      await flush();
      collection = entry.collection;
      counts[collection] = 0;
      await db.createCollection(collection).catch(() => {});
    } else if (collection && entry.doc) {
      batch.push(entry.doc as Document);
      counts[collection]! += 1;
      if (batch.length >= PAGE) await flush();
    }
  }
  await flush();
  if (first) throw new BackupError(`${file} is empty.`);
  return counts;
}
