/** Assessments over HTTP: two coding problems on one clock, finished together, scored as a pair. */
import { describe, expect, it } from 'vitest';
import { codingFixture, codingFixtureTwo, designFixture } from '../support/fixtures.ts';
import { answer, reply } from '../support/server.ts';
import { useSessionApi } from '../support/session-api.ts';

const api = useSessionApi({ questions: [codingFixture, codingFixtureTwo, designFixture] });
/** One session's routes as the owner calls them; each call takes `{ param: { id } }`. */
const at = () => api.owner.api.sessions[':id'];
const read = async (id: string) => (await answer(at().$get({ param: { id } }))).session;
const startAssessment = async (questionIds?: string[]) =>
  (await answer(api.owner.api.assessments.$post({ json: questionIds ? { questionIds } : {} }), 201)).session;
/** The code of a coding session's Python editor (an assessment's parts are coding sessions). */
const python = (notes: object) => ('codePython' in notes ? notes.codePython : undefined);

describe('an assessment: two problems, one clock', () => {
  it('starts both problems on one 90-minute clock, each with its own work, and lists them in order', async () => {
    const first = await startAssessment([codingFixture.id, codingFixtureTwo.id]);
    expect(first).toMatchObject({ kind: 'coding', durationMin: 90, question: { id: codingFixture.id } });
    expect(first.assessment!.parts.map((p) => p.questionId)).toEqual([codingFixture.id, codingFixtureTwo.id]);
    const secondId = first.assessment!.parts[1]!.sessionId;
    const second = await read(secondId);
    expect(second.deadline).toBe(first.deadline);
    expect(second.assessment).toEqual(first.assessment);
    expect(python(second.work.notes)).toContain('def largest');

    // Work on one problem never touches the other's.
    const saved = await reply(
      at().work.$patch({
        param: { id: first.id },
        json: { revision: first.revision, notes: { codePython: 'def two_sum(nums, target):\n    return [0, 1]' } }
      })
    );
    expect(saved.status).toBe(200);
    expect(python((await read(secondId)).work.notes)).toContain('def largest');
    // The stranger sees neither problem.
    expect((await reply(api.stranger.api.sessions[':id'].$get({ param: { id: secondId } }))).status).toBe(404);
  });

  it('finishing either problem finishes the assessment', async () => {
    const first = await startAssessment([codingFixtureTwo.id, codingFixture.id]);
    const secondId = first.assessment!.parts[1]!.sessionId;
    const finished = await answer(at().submit.$post({ param: { id: secondId } }));
    expect(finished.session.assessment!.parts.map((p) => p.status)).toEqual(['submitted', 'submitted']);
    const other = await read(first.id);
    expect(other).toMatchObject({ status: 'submitted', submitReason: 'finished' });
  });

  it('shows each problem’s latest result and one combined score for the pair', async () => {
    const first = await startAssessment([codingFixture.id, codingFixtureTwo.id]);
    const [one, two] = first.assessment!.parts.map((p) => p.sessionId);
    expect(first.assessment!.parts.map((p) => p.difficulty)).toEqual(['easy', 'medium']);
    expect(first.assessment!.combined).toEqual({ score: 0, passed: 0, total: 0, minutes: null });
    const judge = async (id: string, verdicts: ('pass' | 'fail')[]) => {
      const json = { language: 'python' as const, code: 'x' };
      const { n } = await answer(at().submissions.$post({ param: { id }, json }), 201);
      const results = verdicts.map((verdict) => ({ verdict, ms: 1 }));
      await answer(at().submissions[':n'].result.$put({ param: { id, n: String(n) }, json: { results } }));
    };
    await judge(one!, Array(7).fill('pass'));
    await judge(two!, [...Array(3).fill('pass'), ...Array(4).fill('fail')]);
    const assessment = (await read(two!)).assessment!;
    expect(assessment.parts.map((p) => [p.result?.passed, p.result?.total])).toEqual([
      [7, 7],
      [3, 7]
    ]);
    // (100% + 43%) / 2, and the time to the later of the two submissions.
    expect(assessment.combined).toMatchObject({ score: 71, passed: 10, total: 14 });
    expect(assessment.combined?.minutes).toBeGreaterThanOrEqual(0);
    expect(assessment.combined?.minutes).toBeLessThan(1);
  });

  it('picks an easier and a harder problem when none are chosen', async () => {
    const first = await startAssessment();
    expect(first.question.id).toBe(codingFixture.id);
    expect(first.assessment!.parts[1]!.questionId).toBe(codingFixtureTwo.id);
  });

  it.each([
    ['the same problem twice', { questionIds: [codingFixture.id, codingFixture.id] }, 'questionIds'],
    ['one problem', { questionIds: [codingFixture.id] }, 'questionIds'],
    ['a design question', { questionIds: [codingFixture.id, designFixture.id] }, 'questionIds.1'],
    ['an unknown problem', { questionIds: ['nope', codingFixture.id] }, 'questionIds.0'],
    ['a length it does not offer', { durationMin: 45 }, 'durationMin']
  ])('refuses %s with 400 and the field', async (_name, body, field) => {
    const res = await reply(api.owner.api.assessments.$post({ json: body }));
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(res.json.error.fields)).toContain(field);
  });
});
