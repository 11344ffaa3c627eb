/**
 * The dashboard's "today" with a study plan: two users with 1,000 scored sessions each in the real database, one
 * with the 24-week roadmap accepted (compressed before an interview ten weeks away), one without a plan. Times the
 * dashboard's calls as its page load makes them (recent sessions, design prompts, profile and the plan's today, at
 * once) for both, and `GET /api/plan/today` alone, in the same run; the no-plan dashboard is the baseline.
 * Goal (issue 33): today answers in under 100 ms with a 24-week plan and 1,000 sessions.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startServer } from '../apps/api/src/server.ts';
import { benchLimits, question, signUpCookie } from './fixtures.ts';
import { seedScoredSessions } from './scored-sessions.ts';

const SESSIONS = Number(process.env.BENCH_PLAN_SESSIONS ?? 1000);
const RUNS = 20;
const WARM_UP = 3;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const ms = (value: number) => `${value.toFixed(1).padStart(7)} ms`;
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

const dataDir = await mkdtemp(path.join(os.tmpdir(), 'mockloop-bench-plan-'));
const server = await startServer({
  port: 0,
  dataDir,
  questions: [question],
  dbName: 'bench',
  app: { limits: benchLimits }
});

/** A user with SESSIONS scored sessions, their insights aggregate seeded by the server's own rebuild. */
async function seededUser(email: string) {
  const cookie = await signUpCookie(server.url, { email, password: 'bench-password-1', name: 'Bench' });
  const user = (await server.database.users.findOne({ emailKey: email }))!;
  await seedScoredSessions(server.database, user._id, SESSIONS);
  const call = async (urlPath: string, init: RequestInit = {}) => {
    const started = performance.now();
    const res = await fetch(`${server.url}${urlPath}`, {
      ...init,
      headers: { cookie, 'content-type': 'application/json', ...init.headers }
    });
    const body = await res.text();
    return { status: res.status, body, ms: performance.now() - started };
  };
  return { call };
}

const DASHBOARD_CALLS = [
  '/api/sessions?limit=10',
  '/api/questions?kind=design&limit=500',
  '/api/me/profile',
  '/api/plan/today'
];
/** Each call's time within the dashboard's loads, by user. */
const perCall = { with: DASHBOARD_CALLS.map(() => [] as number[]), without: DASHBOARD_CALLS.map(() => [] as number[]) };

/** The dashboard page's load: its four calls at once, as +page.ts makes them. */
async function dashboard(u: Awaited<ReturnType<typeof seededUser>>, withPlan: boolean, counted: boolean) {
  const started = performance.now();
  const answers = await Promise.all(DASHBOARD_CALLS.map((urlPath) => u.call(urlPath)));
  const took = performance.now() - started;
  if (counted) answers.forEach((a, i) => perCall[withPlan ? 'with' : 'without'][i]!.push(a.ms));
  const today = answers[3]!;
  if (today.status !== 200 || (today.body === 'null') === withPlan)
    throw new Error(`today answered ${today.status}: ${today.body}`);
  return took;
}

try {
  const planned = await seededUser('planned@example.com');
  const unplanned = await seededUser('unplanned@example.com');
  const choice = {
    roadmap: '003_bc27b5a5676389fe.txt',
    level: 'staff',
    start: day(0),
    interview: day(70),
    timeZone: 'UTC'
  };
  const preview = JSON.parse(
    (await planned.call('/api/plan/preview', { method: 'POST', body: JSON.stringify(choice) })).body
  );
  const accepted = await planned.call('/api/plan', {
    method: 'PUT',
    body: JSON.stringify({ ...choice, slots: preview.compression.slots, skipped: preview.compression.skipped })
  });
  if (accepted.status !== 200) throw new Error(`accepting the plan answered ${accepted.status}: ${accepted.body}`);

  const withPlan: number[] = [];
  const without: number[] = [];
  const todayAlone: number[] = [];
  // Taking turns, so a busy spell of the shared machine falls on both alike.
  for (let run = 0; run < WARM_UP + RUNS; run++) {
    const a = await dashboard(planned, true, run >= WARM_UP);
    const b = await dashboard(unplanned, false, run >= WARM_UP);
    const started = performance.now();
    const res = await planned.call('/api/plan/today');
    const t = performance.now() - started;
    if (res.status !== 200) throw new Error(`today answered ${res.status}`);
    if (run < WARM_UP) continue;
    withPlan.push(a);
    without.push(b);
    todayAlone.push(t);
  }
  const [a, b, t] = [median(withPlan), median(without), median(todayAlone)];
  console.log(`  dashboard load, ${SESSIONS.toLocaleString('en')} sessions, with a 24-week plan ${ms(a)}`);
  console.log(
    `  dashboard load, ${SESSIONS.toLocaleString('en')} sessions, without a plan    ${ms(b)}  (×${(a / b).toFixed(2)} with the plan)`
  );
  DASHBOARD_CALLS.forEach((urlPath, i) =>
    console.log(
      `    within it: GET ${urlPath.padEnd(40)} with the plan ${ms(median(perCall.with[i]!))}, without ${ms(median(perCall.without[i]!))}`
    )
  );
  console.log(`  GET /api/plan/today alone                                  ${ms(t)}`);
  console.log(
    `GET /api/plan/today, median of ${RUNS} after ${WARM_UP} not counted; ${os.cpus().length} cores, load ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}, ${new Date().toISOString().slice(0, 16)}Z`
  );
  console.log(
    `  today with a 24-week plan at ${SESSIONS.toLocaleString('en')} sessions: ${t.toFixed(0)} ms (dashboard ${a.toFixed(0)} ms with the plan, ${b.toFixed(0)} ms without, ×${(a / b).toFixed(2)}); goal < 100 ms: ${t < 100 ? 'goal met' : 'goal NOT met'}`
  );
} finally {
  await server.close();
  await rm(dataDir, { recursive: true, force: true });
}
