/**
 * Many live rooms on one instance, and on two instances sharing one database (issue 35): in each room the candidate
 * types and an interviewer watches, through the path a browser takes (DraftSender's drafts, `POST …/drafts` at most
 * every 80 ms and one in flight; Autosaver's `PATCH …/work`, 1 s after the last key and at least every 5 s; both
 * people on the room's events stream, server-sent events; the candidate types once their stream has heard the
 * interviewer arrive, as DraftSender starts sending then). Measured from here, over HTTP and SSE:
 * - keystroke → interviewer: from each key to the first draft event on the interviewer's stream that holds it;
 * - autosave: each `PATCH …/work` of the typing candidates, request to answer;
 * - another user's save: one person without a room saving every 200 ms beside the load (more samples than the
 *   rooms' own autosaves give a single room).
 * Each load runs beside its baseline, one room, in the same run: first on one instance, then with the rooms split
 * over two (every room's candidate on one instance and its interviewer on the other, so each keystroke crosses
 * instances through the database). Goals: keystroke p95 ≤ 300 ms; autosave p99 within ×2 of one room's.
 *
 * Every instance runs in its own process (`bench/room-server.ts`), the people in this one, on Node's `http` with
 * keep-alive (its `fetch` costs this process 1–2 ms of CPU a request, see autosave-client.ts).
 * BENCH_ROOMS (default 100), BENCH_SECONDS (default 30 per phase), BENCH_KEY_MS (default 120, a key every 120 ms
 * while a burst lasts), BENCH_PHASES (`one`, `two` or both, the default), BENCH_PROFILE=1 (a CPU profile of each
 * instance in bench/.profiles), BENCH_DB_STATS=1 (each instance's database calls in each phase, see db-calls.ts).
 */
import { fork, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import path from 'node:path';
import { ensureFerretdb, startEmbeddedServer } from '../apps/api/src/db/embedded/index.ts';

const ROOMS = Number(process.env.BENCH_ROOMS ?? 100);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const KEY_MS = Number(process.env.BENCH_KEY_MS ?? 120);
const PROFILE = process.env.BENCH_PROFILE === '1';
const DB_STATS = process.env.BENCH_DB_STATS === '1';
/** `one`, `two` or both (default): which of the two set-ups to run. */
const PHASES = process.env.BENCH_PHASES ?? 'one,two';
/** A person types in bursts of words with pauses between them (each pause lets the autosave's debounce fire). */
const BURST_KEYS = 16;
const PAUSE_MS = 1500;
const DRAFT_INTERVAL_MS = 80;
const DEBOUNCE_MS = 1000;
const MAX_WAIT_MS = 5000;
const PROBE_EVERY_MS = 200;

const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });

interface Answer {
  status: number;
  body: string;
  cookie: string | null;
}

function request(url: string, method: string, body: unknown, cookie?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method,
        agent,
        headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) }
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: text,
            cookie: res.headers['set-cookie']?.[0]?.split(';')[0] ?? null
          })
        );
        res.on('error', reject);
      }
    );
    req.on('error', reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

async function json<T>(answer: Promise<Answer>, expected: number, what: string): Promise<T> {
  const res = await answer;
  if (res.status !== expected) throw new Error(`${what}: ${res.status} ${res.body.slice(0, 300)}`);
  return JSON.parse(res.body) as T;
}

interface Stream {
  close(): void;
}

/** A room's events stream, read as the browser's EventSource would; `onEvent` hears each event's data. */
function openStream(url: string, cookie: string, onEvent: (data: { type: string } & Record<string, unknown>) => void) {
  return new Promise<Stream>((resolve, reject) => {
    const req = http.get(url, { headers: { cookie, accept: 'text/event-stream' } }, (res) => {
      if (res.statusCode !== 200) {
        res.resume();
        reject(new Error(`stream ${url}: ${res.statusCode}`));
        return;
      }
      res.setEncoding('utf8');
      let buffer = '';
      res.on('data', (chunk: string) => {
        buffer += chunk;
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = block
            .split('\n')
            .filter((line) => line.startsWith('data:'))
            .map((line) => line.slice(5).trimStart())
            .join('\n');
          if (data) onEvent(JSON.parse(data) as { type: string } & Record<string, unknown>);
        }
      });
      res.on('error', () => {});
      resolve({ close: () => req.destroy() });
    });
    req.on('error', (error) => reject(error));
  });
}

/** Starts one instance in its own process; resolves with its URL and a way to stop it. */
async function startInstance(mongodbUri: string, dbName: string, name: string) {
  const profileDir = path.join(import.meta.dirname, '.profiles');
  if (PROFILE) await mkdir(profileDir, { recursive: true });
  const child: ChildProcess = fork(path.join(import.meta.dirname, 'room-server.ts'), {
    execArgv: ['--import', 'tsx', ...(PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${path.join(profileDir, name)}`] : [])]
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('message', (message) => resolve((message as { url: string }).url));
    child.once('exit', (code) => reject(new Error(`instance ${name} exited with ${code}`)));
    child.send({ mongodbUri, dbName, name });
  });
  return {
    url,
    /** Has the instance print its database calls since it was last asked, or only start afresh (BENCH_DB_STATS=1). */
    stats: (print: boolean) =>
      new Promise<void>((resolve) => {
        const reported = (message: unknown) => {
          if (message !== 'reported') return;
          child.off('message', reported);
          resolve();
        };
        child.on('message', reported);
        child.send(print ? 'stats' : 'reset');
      }),
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.send('stop');
      })
  };
}

interface Person {
  cookie: string;
  userId: string;
}

async function signUp(url: string, who: string): Promise<Person> {
  const account = { email: `${who}@rooms.bench.example`, password: 'bench-password-1', name: who };
  await request(`${url}/api/auth/signup`, 'POST', account);
  const signedIn = await request(`${url}/api/auth/signin`, 'POST', {
    email: account.email,
    password: account.password
  });
  if (signedIn.status !== 200 || !signedIn.cookie) throw new Error(`sign-in ${who}: ${signedIn.status}`);
  const { user } = JSON.parse(signedIn.body) as { user: { id: string } };
  return { cookie: signedIn.cookie, userId: user.id };
}

interface Room {
  candidate: Person;
  interviewer: Person;
  sessionId: string;
  revision: number;
}

/** A design mock with its interviewer admitted through an invite. */
async function openRoom(url: string, n: number, tag: string): Promise<Room> {
  const [candidate, interviewer] = await Promise.all([
    signUp(url, `${tag}-cara-${n}`),
    signUp(url, `${tag}-ivan-${n}`)
  ]);
  const { session } = await json<{ session: { id: string; revision: number } }>(
    request(`${url}/api/sessions`, 'POST', { questionId: 'bench-design' }, candidate.cookie),
    201,
    'start'
  );
  const { token } = await json<{ token: string }>(
    request(`${url}/api/sessions/${session.id}/invites`, 'POST', {}, candidate.cookie),
    201,
    'invite'
  );
  await json(request(`${url}/api/invites/accept`, 'POST', { token }, interviewer.cookie), 200, 'accept');
  return { candidate, interviewer, sessionId: session.id, revision: session.revision };
}

interface Samples {
  /** This process's own event-loop delay p99 (ms): how late its clocks read, if it is the bottleneck. */
  clientLagMs: number;
  keystrokes: number[];
  saves: number[];
  probes: number[];
  keysTyped: number;
  keysSeen: number;
  /** How long after the streams opened every candidate had heard their interviewer arrive. */
  joinedMs: number;
  failures: string[];
}

/**
 * Runs `rooms` for SECONDS: each candidate types (drafts and autosaves as the browser sends them) on
 * `candidateUrl(i)`, each interviewer watches on `interviewerUrl(i)`; a probe saves beside them.
 */
async function run(
  rooms: Room[],
  candidateUrl: (i: number) => string,
  interviewerUrl: (i: number) => string,
  probe: Room
): Promise<Samples> {
  const lag = monitorEventLoopDelay({ resolution: 10 });
  const samples: Samples = {
    clientLagMs: 0,
    keystrokes: [],
    saves: [],
    probes: [],
    keysTyped: 0,
    keysSeen: 0,
    joinedMs: 0,
    failures: []
  };
  const streams: Stream[] = [];
  const typedAt = rooms.map(() => [] as number[]);
  const seen = rooms.map(() => 0);
  /** Whether the candidate's page has heard its interviewer arrive (its presence event names one). */
  const heard = rooms.map(() => false);
  // Everyone in: the interviewer's stream (drafts arrive there) and the candidate's own (presence, chat).
  await Promise.all(
    rooms.map(async (room, i) => {
      streams.push(
        await openStream(
          `${interviewerUrl(i)}/api/sessions/${room.sessionId}/events`,
          room.interviewer.cookie,
          (event) => {
            if (event.type !== 'draft') return;
            const text = (event.notes as { design?: string } | undefined)?.design;
            if (text === undefined) return;
            const now = performance.now();
            for (let k = seen[i]!; k < text.length && k < typedAt[i]!.length; k++) {
              samples.keystrokes.push(now - typedAt[i]![k]!);
            }
            seen[i] = Math.max(seen[i]!, Math.min(text.length, typedAt[i]!.length));
          }
        )
      );
      streams.push(
        await openStream(`${candidateUrl(i)}/api/sessions/${room.sessionId}/events`, room.candidate.cookie, (event) => {
          if (event.type === 'presence' && (event.members as { role: string }[]).some((m) => m.role === 'interviewer'))
            heard[i] = true;
        })
      );
    })
  );
  // A candidate's page sends drafts once it has heard its interviewer arrive (DraftSender.active), as here.
  const joining = performance.now();
  while (heard.includes(false) && performance.now() - joining < 60_000) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  samples.joinedMs = performance.now() - joining;

  lag.enable();
  if (DB_STATS) await Promise.all(instances.map((i) => i.stats(false)));
  const until = performance.now() + SECONDS * 1000;
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  const typists = rooms.map(async (room, i) => {
    const url = candidateUrl(i);
    let text = '';
    // DraftSender: at most one draft every 80 ms and one on its way, the text as it stands when it leaves.
    let lastDraftAt = -Infinity;
    let draftTimer: NodeJS.Timeout | null = null;
    let drafting = false;
    let drafted = '';
    const scheduleDraft = () => {
      if (draftTimer || drafting) return;
      draftTimer = setTimeout(sendDraft, Math.max(0, lastDraftAt + DRAFT_INTERVAL_MS - performance.now()));
    };
    const sendDraft = () => {
      draftTimer = null;
      lastDraftAt = performance.now();
      drafting = true;
      drafted = text;
      void request(
        `${url}/api/sessions/${room.sessionId}/drafts`,
        'POST',
        { notes: { design: text } },
        room.candidate.cookie
      )
        .then((res) => res.status === 202 || samples.failures.push(`draft ${res.status}`))
        .catch((error: Error) => samples.failures.push(`draft ${error.message}`))
        .finally(() => {
          drafting = false;
          if (text !== drafted) scheduleDraft();
        });
    };
    // Autosaver: 1 s after the last key, at least every 5 s, one save in flight.
    let dirtySince: number | null = null;
    let saveTimer: NodeJS.Timeout | null = null;
    let saving: Promise<void> | null = null;
    const save = async () => {
      saveTimer = null;
      if (saving) return;
      dirtySince = null;
      const started = performance.now();
      saving = request(
        `${url}/api/sessions/${room.sessionId}/work`,
        'PATCH',
        { revision: room.revision, notes: { design: text } },
        room.candidate.cookie
      ).then((res) => {
        if (res.status !== 200) {
          samples.failures.push(`save ${res.status}`);
          return;
        }
        samples.saves.push(performance.now() - started);
        room.revision = (JSON.parse(res.body) as { revision: number }).revision;
      });
      await saving.catch((error: Error) => samples.failures.push(`save ${error.message}`));
      saving = null;
      if (dirtySince !== null) scheduleSave();
    };
    const scheduleSave = () => {
      if (saveTimer) clearTimeout(saveTimer);
      const wait = Math.max(0, Math.min(DEBOUNCE_MS, (dirtySince ?? 0) + MAX_WAIT_MS - performance.now()));
      saveTimer = setTimeout(() => void save(), wait);
    };
    // Rooms start typing at different moments, as people do.
    await pause(Math.random() * (BURST_KEYS * KEY_MS + PAUSE_MS));
    while (performance.now() < until) {
      for (let k = 0; k < BURST_KEYS && performance.now() < until; k++) {
        text += k === BURST_KEYS - 1 ? ' ' : 'abcdefghijklmnopqrstuvwxyz'[(text.length * 7) % 26]!;
        typedAt[i]!.push(performance.now());
        samples.keysTyped++;
        scheduleDraft();
        dirtySince ??= performance.now();
        scheduleSave();
        await pause(KEY_MS);
      }
      await pause(PAUSE_MS);
    }
    if (saveTimer) clearTimeout(saveTimer);
    await saving;
  });

  const prober = (async () => {
    for (let n = 0; performance.now() < until; n++) {
      const started = performance.now();
      const res = await request(
        `${candidateUrl(0)}/api/sessions/${probe.sessionId}/work`,
        'PATCH',
        { revision: probe.revision, notes: { design: `probe ${n}` } },
        probe.candidate.cookie
      );
      if (res.status === 200) {
        samples.probes.push(performance.now() - started);
        probe.revision = (JSON.parse(res.body) as { revision: number }).revision;
      } else samples.failures.push(`probe ${res.status}`);
      await pause(Math.max(0, PROBE_EVERY_MS - (performance.now() - started)));
    }
  })();

  await Promise.all([...typists, prober]);
  if (DB_STATS) for (const i of instances) await i.stats(true);
  // The last drafts still on their way.
  await pause(1500);
  for (const stream of streams) stream.close();
  samples.keysSeen = seen.reduce((sum, n) => sum + n, 0);
  lag.disable();
  samples.clientLagMs = lag.percentile(99) / 1e6;
  return samples;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

const ms = (n: number) => `${n.toFixed(1).padStart(7)} ms`;

function report(name: string, s: Samples) {
  const lost = s.keysTyped - s.keysSeen;
  console.log(
    `  ${name.padEnd(40)} keystroke p50 ${ms(percentile(s.keystrokes, 50))} p95 ${ms(percentile(s.keystrokes, 95))} (${s.keystrokes.length} keys${lost ? `, ${lost} not seen` : ''})`
  );
  console.log(
    `  ${''.padEnd(40)} autosave  p50 ${ms(percentile(s.saves, 50))} p99 ${ms(percentile(s.saves, 99))} (${s.saves.length} saves)`
  );
  console.log(
    `  ${''.padEnd(40)} other's   p50 ${ms(percentile(s.probes, 50))} p99 ${ms(percentile(s.probes, 99))} (${s.probes.length} saves); this process's event-loop delay p99 ${s.clientLagMs.toFixed(0)} ms; everyone in the room ${(s.joinedMs / 1000).toFixed(1)} s after the streams opened${s.failures.length ? `  failures: ${[...new Set(s.failures)].slice(0, 5).join(', ')} (${s.failures.length})` : ''}`
  );
}

function verdict(load: Samples, baseline: Samples) {
  const p95 = percentile(load.keystrokes, 95);
  const saveRatio = percentile(load.saves, 99) / percentile(baseline.saves, 99);
  const probeRatio = percentile(load.probes, 99) / percentile(baseline.probes, 99);
  console.log(
    `  goal keystroke p95 ≤ 300 ms: ${p95.toFixed(0)} ms ${p95 <= 300 ? 'met' : 'NOT met'} (one room ${percentile(baseline.keystrokes, 95).toFixed(0)} ms, ×${(p95 / percentile(baseline.keystrokes, 95)).toFixed(2)})`
  );
  console.log(
    `  goal autosave p99 ≤ ×2 one room's: ×${saveRatio.toFixed(2)} ${saveRatio <= 2 ? 'met' : 'NOT met'}; another user's save p99 ×${probeRatio.toFixed(2)}`
  );
}

const dataDir = await mkdtemp(path.join(os.tmpdir(), 'mockloop-bench-rooms-'));
const embedded = await startEmbeddedServer({ binary: await ensureFerretdb(), dataDir });
const dbName = 'bench_rooms';
const instances: Awaited<ReturnType<typeof startInstance>>[] = [];
try {
  const first = await startInstance(embedded.uri, dbName, 'a');
  instances.push(first);
  const a = first.url;
  console.log(
    `rooms: ${ROOMS} rooms (${ROOMS * 2} people: one typing a key every ${KEY_MS} ms in bursts of ${BURST_KEYS}, one watching), ${SECONDS} s a phase, against one room in the same run (${os.cpus().length} cores, load ${os.loadavg()[0]!.toFixed(1)}, ${new Date().toISOString().slice(0, 16)})`
  );
  const single = await openRoom(a, 0, 'single');
  const probe = await openRoom(a, 0, 'probe');
  const rooms: Room[] = [];
  for (let from = 0; from < ROOMS; from += 10) {
    rooms.push(
      ...(await Promise.all(
        Array.from({ length: Math.min(10, ROOMS - from) }, (_, i) => openRoom(a, from + i, 'load'))
      ))
    );
  }

  let oneBaseline: Samples | null = null;
  if (PHASES.includes('one')) {
    console.log('one instance');
    oneBaseline = await run(
      [single],
      () => a,
      () => a,
      probe
    );
    report('one room (baseline)', oneBaseline);
    const oneLoad = await run(
      rooms,
      () => a,
      () => a,
      probe
    );
    report(`${ROOMS} rooms`, oneLoad);
    verdict(oneLoad, oneBaseline);
  }

  if (PHASES.includes('two')) {
    const second = await startInstance(embedded.uri, dbName, 'b');
    instances.push(second);
    const b = second.url;
    // Each room's candidate on one instance and its interviewer on the other, alternating.
    const candidateOn = (i: number) => (i % 2 === 0 ? a : b);
    const interviewerOn = (i: number) => (i % 2 === 0 ? b : a);
    console.log('two instances, one database (each keystroke crosses from one instance to the other)');
    const twoBaseline = await run([single], candidateOn, interviewerOn, probe);
    report('one room (baseline)', twoBaseline);
    const twoLoad = await run(rooms, candidateOn, interviewerOn, probe);
    report(`${ROOMS} rooms`, twoLoad);
    verdict(twoLoad, twoBaseline);
    if (oneBaseline) {
      const vsOne = percentile(twoLoad.saves, 99) / percentile(oneBaseline.saves, 99);
      console.log(`  autosave p99 on two instances against one room on one: ×${vsOne.toFixed(2)}`);
    }
  }
} finally {
  agent.destroy();
  await Promise.all(instances.map((i) => i.stop()));
  await embedded.stop();
  await rm(dataDir, { recursive: true, force: true });
}
