/**
 * The study plan over HTTP on the real database: a 24-week roadmap compressed before an interview ten weeks away,
 * today's tasks ticked, the weekly assessment started with that week's rubric, a weak criterion bringing its units
 * back, the ledger as Markdown, the calendar parsed back by a standard parser, the plan in the export.
 */
import { roadmap } from '@mockloop/rubrics/plan';
import ICAL from 'ical.js';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { MongoClient } from 'mongodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { backupTo, restoreFrom } from '../../apps/api/src/db/backup.ts';
import { testDatabaseName } from '../support/database.ts';
import { designFixture } from '../support/fixtures.ts';
import { answer, client, startTestServer } from '../support/server.ts';

const STAFF = '003_bc27b5a5676389fe.txt';
let server: Awaited<ReturnType<typeof startTestServer>>;
let me: ReturnType<typeof client>;
let other: ReturnType<typeof client>;

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const choice = { roadmap: STAFF, level: 'staff', start: day(0), interview: day(70), timeZone: 'UTC' } as const;

beforeAll(async () => {
  server = await startTestServer({ questions: [designFixture] });
  me = client(server.url);
  other = client(server.url);
  await me.signUp({ email: 'me@plan.example', password: 'plan-pass-12', name: 'Me' });
  await other.signUp({ email: 'other@plan.example', password: 'plan-pass-12', name: 'Other' });
});
afterAll(() => server.close());

async function accept() {
  const preview = await answer(me.api.plan.preview.$post({ json: choice }));
  const { slots, skipped } = preview.compression;
  return { preview, plan: (await answer(me.api.plan.$put({ json: { ...choice, slots, skipped } }))).plan! };
}

describe('the study plan', () => {
  it('lists the five roadmaps as plans', async () => {
    const { items } = await answer(me.api.plan.roadmaps.$get());
    expect(items.map((r) => [r.name, r.units.length])).toEqual([
      ['60-day plan', 60],
      ['20-week plan', 20],
      ['10-day plan', 10],
      ['24-week roadmap', 24],
      ['16-week roadmap', 16]
    ]);
  });

  it('says when the interview is sooner than the roadmap and proposes a compressed plan, which it keeps', async () => {
    const { preview, plan } = await accept();
    expect(preview.fits).toBe(false);
    expect(preview.message).toMatch(/in 10 weeks; the 24-week roadmap takes 24/);
    expect(plan.slots).toHaveLength(10);
    expect(plan.slots[0]!.start).toBe(day(0));
    expect(plan.slots.at(-1)!.units.map((u) => u.key)).toEqual(['w24']);
    expect((await answer(me.api.plan.$get())).plan).toEqual(plan);
    expect((await answer(other.api.plan.$get())).plan).toBeNull();
  });

  it('refuses a layout that loses a unit, and a plan whose interview comes first, naming the field', async () => {
    const lost = await me.request('PUT', '/api/plan', { ...choice, slots: [['w01']], skipped: [] });
    expect(lost.status).toBe(400);
    expect(lost.json.error).toMatchObject({ code: 'VALIDATION_FAILED', fields: { slots: expect.any(String) } });
    const early = await me.request('POST', '/api/plan/preview', { ...choice, interview: day(-1) });
    expect(early.status).toBe(400);
    expect(early.json.error.fields).toHaveProperty('interview');
    const zone = await me.request('POST', '/api/plan/preview', { ...choice, timeZone: 'Mars/Olympus' });
    expect(zone.json.error.fields).toHaveProperty('timeZone');
  });

  it("shows today's tasks verbatim, ticks them, and moves progress", async () => {
    await accept();
    const today = (await answer(me.api.plan.today.$get()))!;
    expect(today.date).toBe(day(0));
    // The first slot of the compressed plan: its units' tasks, verbatim from the roadmap.
    const keys = today.unit!.keys;
    const seedTasks = roadmap(STAFF)
      .units.filter((u) => keys.includes(u.key))
      .flatMap((u) => u.tasks);
    expect(today.tasks.map((t) => t.text)).toEqual(seedTasks.map((t) => t.text));
    const once = today.tasks.filter((t) => !t.daily);
    expect(once.length).toBeGreaterThan(4);
    const unit = once[0]!.unit;
    for (const task of once.filter((t) => t.unit === unit)) {
      await answer(me.api.plan.ticks[':taskId'].$put({ param: { taskId: task.id }, json: { done: true } }));
    }
    const after = (await answer(me.api.plan.today.$get()))!;
    expect(after.tasks.filter((t) => t.unit === unit && !t.daily).every((t) => t.done)).toBe(true);
    expect(after.progress).toMatchObject({ done: 1, streak: 1 });
    expect(after.progress.percent).toBeGreaterThan(0);
    // Unticked, a task is undone again and the unit with it.
    const first = once[0]!.id;
    await answer(me.api.plan.ticks[':taskId'].$put({ param: { taskId: first }, json: { done: false } }));
    const unticked = (await answer(me.api.plan.today.$get()))!;
    expect(unticked.tasks.find((t) => t.id === first)!.done).toBe(false);
    expect(unticked.progress.done).toBe(0);
    await answer(me.api.plan.ticks[':taskId'].$put({ param: { taskId: first }, json: { done: true } }));
    const missing = await me.request('PUT', '/api/plan/ticks/w99.0', { done: true });
    expect(missing.status).toBe(404);
    const bad = await me.request('PUT', '/api/plan/ticks/nope', { done: true });
    expect(bad.status).toBe(400);
  });

  it("starts the week's assessment scored with that week's rubric, once", async () => {
    const today = (await answer(me.api.plan.today.$get()))!;
    const assessment = today.mocks.find((m) => m.rubricId?.startsWith('staff-week-'))!;
    expect(assessment).toBeDefined();
    const started = await answer(me.api.plan.mocks[':mockId'].start.$post({ param: { mockId: assessment.id } }));
    const session = await me.request('GET', `/api/sessions/${started.sessionId}`);
    expect(session.json.session.rubric.id).toBe(assessment.rubricId);
    const again = await answer(me.api.plan.mocks[':mockId'].start.$post({ param: { mockId: assessment.id } }));
    expect(again.sessionId).toBe(started.sessionId);
    const later = (await answer(me.api.plan.today.$get()))!;
    expect(later.mocks.find((m) => m.id === assessment.id)!.sessionId).toBe(started.sessionId);
  });

  it('brings back the units that teach a planted weak criterion, with a recheck three days later', async () => {
    const { plan } = await accept();
    expect(plan.skipped.map((s) => s.key)).toContain('w04');
    for (let i = 0; i < 2; i++) {
      const { session } = (await me.request('POST', '/api/sessions', { questionId: designFixture.id })).json;
      await me.request('POST', `/api/sessions/${session.id}/submit`);
      const ratings = Object.fromEntries(
        session.rubric.criteria.map((c: { id: string }) => [c.id, c.id === 'high-level-design' ? 1 : 3])
      );
      expect((await me.request('PUT', `/api/sessions/${session.id}/scores/self`, { ratings })).status).toBe(200);
    }
    const today = (await answer(me.api.plan.today.$get()))!;
    const weak = today.weakAreas.find((w) => w.area === 'architecture')!;
    expect(weak.units.map((u) => [u.key, u.status])).toEqual([
      ['w04', 'skipped'],
      ['w07', 'planned']
    ]);
    expect(weak.recheck).toEqual({ on: day(3), kind: 'design' });
    expect(today.readiness.find((r) => r.round === 'design')).toMatchObject({ sessions: 2, confidence: 'low' });
    const taken = (await answer(me.api.plan['weak-areas'][':area'].$post({ param: { area: 'architecture' } }))).plan!;
    expect(taken.slots[1]!.units.map((u) => u.key)).toEqual(['w04']);
    expect(taken.skipped.map((s) => s.key)).not.toContain('w04');
    expect(taken.mocks.find((m) => m.area === 'architecture')).toMatchObject({ on: day(3), kind: 'design' });
    expect((await answer(me.api.plan.today.$get()))!.weakAreas.map((w) => w.area)).not.toContain('architecture');
  });

  it('keeps the learning ledger and exports it as Markdown', async () => {
    const ledger = {
      goals: ['Pass the staff loop'],
      oops: [{ on: day(0), text: 'Forgot the capacity estimate' }],
      log: [{ on: day(0), text: 'Week 1 checklist' }]
    };
    await answer(me.api.plan.ledger.$put({ json: ledger }));
    expect((await answer(me.api.plan.ledger.$get())).ledger).toEqual(ledger);
    const md = await me.request('GET', '/api/plan/ledger.md');
    expect(md.headers.get('content-type')).toMatch(/text\/markdown/);
    expect(md.text).toContain('## Oops List');
    expect(md.text).toContain(`- **${day(0)}** Forgot the capacity estimate`);
  });

  it("writes the plan's mocks as an .ics a standard parser reads back", async () => {
    const res = await me.request('GET', '/api/plan/calendar.ics');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/calendar/);
    const calendar = new ICAL.Component(ICAL.parse(res.text));
    const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    const plan = (await answer(me.api.plan.$get())).plan!;
    const mocks = events.filter((e) => e.summary.startsWith('Mock: '));
    expect(mocks).toHaveLength(plan.mocks.length);
    const first = plan.mocks[0]!;
    const event = mocks.find((e) => e.summary === `Mock: ${first.title}`)!;
    expect(event.startDate.toString()).toBe(first.on);
    expect(event.startDate.isDate).toBe(true);
    expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);
    expect(events.some((e) => e.summary === 'Interview' && e.startDate.toString() === day(70))).toBe(true);
  });

  it("is in the user's export, and only theirs", async () => {
    const mine = await me.request('GET', '/api/export');
    expect(mine.json.plan).toMatchObject({
      roadmap: STAFF,
      interview: day(70),
      ledger: { goals: ['Pass the staff loop'] }
    });
    expect((await other.request('GET', '/api/export')).json.plan).toBeNull();
    expect(await answer(other.api.plan.today.$get())).toBeNull();
  });
});

describe('a missed day', () => {
  it('moves forward to today instead of piling up', async () => {
    const late = client(server.url);
    await late.signUp({ email: 'late@plan.example', password: 'plan-pass-12', name: 'Late' });
    const sixty = { roadmap: '000_0efd650f91282031.txt', level: 'principal', start: day(-3), timeZone: 'UTC' } as const;
    const slots = Array.from({ length: 60 }, (_, i) => [`d${String(i + 1).padStart(2, '0')}`]);
    const { plan } = await answer(late.api.plan.$put({ json: { ...sixty, interview: null, slots, skipped: [] } }));
    expect(plan!.slots.slice(0, 2).map((s) => [s.start, s.moved])).toEqual([
      [day(0), 3],
      [day(1), 0]
    ]);
    const today = (await answer(late.api.plan.today.$get()))!;
    expect(today.unit!.title).toBe('Day 1: ML Fundamentals for Data Engineers');
    expect(today.progress).toMatchObject({ done: 0, total: 60, nextUp: { unit: 'd02' }, streak: 0 });
  });
});

describe('backup and restore', () => {
  it('keeps the plan, its ticks and its ledger', async () => {
    const before = (await answer(me.api.plan.today.$get()))!;
    const plan = (await answer(me.api.plan.$get())).plan;
    const dir = await mkdtemp(path.join(os.tmpdir(), 'mockloop-plan-backup-'));
    const mongo = await new MongoClient(inject('mongodbUri')).connect();
    const restoredName = testDatabaseName('plan-restored');
    try {
      const file = path.join(dir, 'backup.jsonl.gz');
      const counts = await backupTo(server.database.db, file);
      expect(counts.plans).toBeGreaterThanOrEqual(2);
      await restoreFrom(mongo.db(restoredName), file);
      const again = await startTestServer({ questions: [designFixture], dbName: restoredName });
      try {
        const c = client(again.url);
        await answer(c.api.auth.signin.$post({ json: { email: 'me@plan.example', password: 'plan-pass-12' } }));
        expect((await answer(c.api.plan.$get())).plan).toEqual(plan);
        const after = (await answer(c.api.plan.today.$get()))!;
        expect(after.tasks).toEqual(before.tasks);
        expect(after.progress).toEqual(before.progress);
        expect((await answer(c.api.plan.ledger.$get())).ledger.goals).toEqual(['Pass the staff loop']);
      } finally {
        await again.close();
      }
    } finally {
      await mongo.db(restoredName).dropDatabase();
      await mongo.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
