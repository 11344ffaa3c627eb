/**
 * The autosave benchmark's load: runs in its own process, as browsers would, so the clients' own work never
 * shares the API server's event loop. It times each save from here, through the API and straight through the
 * driver, and sends the samples back to `bench/autosave.ts`.
 */
import { MongoClient, ObjectId } from 'mongodb';

export interface LoadPlan {
  url: string;
  mongodbUri: string;
  dbName: string;
  seconds: number;
  intervalMs: number;
  /** Length of each saturation phase (clients saving back to back). */
  saturationSeconds: number;
  clients: { cookie: string; id: string; revision: number; twinId: string; userId: string }[];
  rawIds: string[];
}

export interface LoadResult {
  api: number[];
  same: number[];
  raw: number[];
  failures: number;
  /** Saturation phases: the API, then the driver with the API's own update. */
  saturation: { name: 'api' | 'same'; saves: number; seconds: number; samples: number[] }[];
}

async function run(plan: LoadPlan): Promise<LoadResult> {
  const mongo = await new MongoClient(plan.mongodbUri).connect();
  const db = mongo.db(plan.dbName);
  const result: LoadResult = { api: [], same: [], raw: [], failures: 0, saturation: [] };
  let typed = 0;

  /**
   * One phase: every session saves, waiting `intervalMs` between its saves (0: back to back), for `seconds`;
   * phases run one after another. Returns how many saves completed.
   */
  const phase = async (
    samples: number[],
    save: (i: number, text: string) => Promise<void>,
    intervalMs: number,
    seconds: number
  ) => {
    const deadline = Date.now() + seconds * 1000;
    let done = 0;
    await Promise.all(
      plan.clients.map(async (_, i) => {
        await new Promise((r) => setTimeout(r, (i * intervalMs) / plan.clients.length));
        while (Date.now() < deadline) {
          const text = `notes after ${++typed} saves `.repeat(20);
          const started = performance.now();
          await save(i, text);
          samples.push(performance.now() - started);
          done++;
          if (intervalMs) await new Promise((r) => setTimeout(r, intervalMs));
        }
      })
    );
    return done;
  };

  const apiSave = async (i: number, text: string) => {
    const c = plan.clients[i]!;
    const res = await fetch(`${plan.url}/api/sessions/${c.id}/work`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', cookie: c.cookie },
      body: JSON.stringify({ revision: c.revision, notes: { design: text } })
    });
    if (res.ok) c.revision = ((await res.json()) as { revision: number }).revision;
    else result.failures++;
  };
  // The API's own update of a session document (a twin session of the same user: same collection, filter
  // and change), and a single-document update of a tiny document.
  const twinRevisions = plan.clients.map(() => 0);
  const sameSave = async (i: number, text: string) => {
    const c = plan.clients[i]!;
    await db.collection('sessions').updateOne(
      {
        _id: new ObjectId(c.twinId),
        userId: new ObjectId(c.userId),
        status: 'active',
        deadline: { $gt: new Date(Date.now() - 5000) },
        revision: twinRevisions[i]!
      },
      { $set: { 'work.notes.design': text, updatedAt: new Date() }, $inc: { revision: 1 } }
    );
    twinRevisions[i]!++;
  };
  const rawRevisions = plan.clients.map(() => 0);
  const rawSave = async (i: number, text: string) => {
    await db
      .collection('bench_raw')
      .updateOne(
        { _id: new ObjectId(plan.rawIds[i]), revision: rawRevisions[i]! },
        { $set: { 'work.notes.design': text }, $inc: { revision: 1 } }
      );
    rawRevisions[i]!++;
  };

  try {
    await phase(result.api, apiSave, plan.intervalMs, plan.seconds);
    await phase(result.same, sameSave, plan.intervalMs, plan.seconds);
    await phase(result.raw, rawSave, plan.intervalMs, plan.seconds);
    // Saturation: every client saves back to back; what completes per second is the throughput.
    for (const [name, save] of [
      ['api', apiSave],
      ['same', sameSave]
    ] as const) {
      const samples: number[] = [];
      const started = performance.now();
      const saves = await phase(samples, save, 0, plan.saturationSeconds);
      result.saturation.push({ name, saves, seconds: (performance.now() - started) / 1000, samples });
    }
  } finally {
    await mongo.close();
  }
  return result;
}

process.once('message', (plan: LoadPlan) => {
  run(plan).then(
    (result) => process.send!(result, () => process.exit(0)),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    }
  );
});
