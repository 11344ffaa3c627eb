/**
 * `npm run backup -- [file]` and `npm run restore -- <file>`: a consistent logical copy of the whole instance,
 * taken while MockLoop runs, and that copy written into an empty database. Both use MONGODB_URI, else the embedded
 * database (the running MockLoop's, or one started for the run on MOCKLOOP_DATA_DIR, default ./data): to restore
 * into a new data folder, `MOCKLOOP_DATA_DIR=data-restored npm run restore -- <file>`.
 */
import { BackupError, backupTo, restoreFrom } from '../db/backup.ts';
import { connectDatabase } from '../db/client.ts';
import { startAppDatabase } from '../db/embedded/index.ts';
import { dataFolder, runningServerUri } from '../db/embedded/server-process.ts';

async function main([command, file]: string[]): Promise<number> {
  if ((command !== 'backup' && command !== 'restore') || (command === 'restore' && !file)) {
    console.error('Usage: npm run backup -- [file]   |   npm run restore -- <file>');
    return 2;
  }
  const running = process.env.MONGODB_URI ? null : await runningServerUri(dataFolder());
  const embedded = process.env.MONGODB_URI || running ? null : await startAppDatabase();
  const database = await connectDatabase(process.env.MONGODB_URI ?? running ?? embedded!.uri);
  try {
    const target = file ?? `mockloop-backup-${new Date().toISOString().replace(/[:.]/g, '-')}.jsonl.gz`;
    const started = Date.now();
    const counts = command === 'backup' ? await backupTo(database.db, target) : await restoreFrom(database.db, target);
    const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
    const verb = command === 'backup' ? 'Backed up' : 'Restored';
    console.log(
      `${verb} ${total} documents in ${Object.keys(counts).length} collections ${command === 'backup' ? 'to' : 'from'} ${target} in ${((Date.now() - started) / 1000).toFixed(1)} s.`
    );
    return 0;
  } catch (error) {
    if (error instanceof BackupError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  } finally {
    await database.close();
    await embedded?.stop();
  }
}

process.exitCode = await main(process.argv.slice(2));
