/**
 * The autosave benchmark's load: runs in its own process, as browsers would, so the clients' own work never
 * shares the API server's event loop. It times each save from here, through the API and straight through the
 * driver, and sends the samples back to `bench/autosave.ts`.
 */
import http from 'node:http';
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

/**
 * Keep-alive connections, as a browser keeps one to its origin. Node's `http` rather than its `fetch`: `fetch`
 * (undici's WHATWG streams) costs this process 1–2 ms of CPU per request on these two cores, which is the load
 * generator's own cost, not the API's, and a browser's native fetch does not pay it. A fresh agent per slice of API
 * saves: two runs that reused the connections left idle through the driver's slices hung, a response left unread
 * on one socket (seen with `ss`: bytes in its receive queue; the cause was not found).
 */
let agent = new http.Agent({ keepAlive: true });

/**
 * New connections for the next slice of API saves, opened before it (one GET /api/health per client, not timed):
 * a browser's connection stays open between saves, so no timed save pays for a handshake (one in five did).
 */
async function freshConnections(url: string, clients: number) {
  agent.destroy();
  agent = new http.Agent({ keepAlive: true });
  await Promise.all(
    Array.from(
      { length: clients },
      () =>
        new Promise<void>((resolve, reject) => {
          http
            .get(`${url}/api/health`, { agent }, (response) => response.resume().on('end', resolve))
            .on('error', reject);
        })
    )
  );
}

function patch(url: string, cookie: string, body: object): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      { method: 'PATCH', agent, headers: { 'content-type': 'application/json', cookie } },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
        response.on('error', reject);
      }
    );
    request.on('error', reject);
    request.end(JSON.stringify(body));
  });
}

/** A save that never settles fails the run, naming itself, rather than hanging it. */
function answered<T>(save: Promise<T>, what: string): Promise<T> {
  let watchdog: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    watchdog = setTimeout(() => reject(new Error(`${what}: no answer in 30 s`)), 30_000);
  });
  return Promise.race([save, late]).finally(() => clearTimeout(watchdog));
}

const WARM_UP_SECONDS = 4;
const ROUND_SECONDS = 10;

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
          await answered(save(i, text), `${save.name} of client ${i}`);
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
    const res = await patch(`${plan.url}/api/sessions/${c.id}/work`, c.cookie, {
      revision: c.revision,
      notes: { design: text }
    });
    if (res.status === 200) c.revision = (JSON.parse(res.body) as { revision: number }).revision;
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
    // Warm-up, not counted: the first saves of a fresh process compile its code (the API's and the driver's).
    for (const save of [apiSave, sameSave]) await phase([], save, plan.intervalMs, WARM_UP_SECONDS);
    // The three paths take turns in slices of ROUND_SECONDS, so a busier spell of this shared machine falls on
    // all of them alike rather than on whichever phase it happened to meet.
    const rounds = Math.max(1, Math.round(plan.seconds / ROUND_SECONDS));
    for (let round = 0; round < rounds; round++) {
      for (const [samples, save] of [
        [result.api, apiSave],
        [result.same, sameSave],
        [result.raw, rawSave]
      ] as const) {
        if (save === apiSave) await freshConnections(plan.url, plan.clients.length);
        await phase(samples, save, plan.intervalMs, plan.seconds / rounds);
      }
    }
    // Saturation: every client saves back to back; what completes per second is the throughput.
    for (const [name, save] of [
      ['api', apiSave],
      ['same', sameSave]
    ] as const) {
      if (save === apiSave) await freshConnections(plan.url, plan.clients.length);
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
