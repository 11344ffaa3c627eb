/** Assessments over HTTP: two coding problems on one clock, finished together, scored as a pair. */
import { describe, expect, it } from 'vitest';
import { codingFixture, codingFixtureTwo, designFixture } from '../support/fixtures.ts';
import { useSessionApi } from '../support/session-api.ts';

const api = useSessionApi({ questions: [codingFixture, codingFixtureTwo, designFixture] });

describe('an assessment: two problems, one clock', () => {
  it('starts both problems on one 90-minute clock, each with its own work, and lists them in order', async () => {
    const res = await api.owner.request('POST', '/api/assessments', {
      questionIds: [codingFixture.id, codingFixtureTwo.id]
    });
    expect(res.status).toBe(201);
    const first = res.json.session;
    expect(first).toMatchObject({ kind: 'coding', durationMin: 90, question: { id: codingFixture.id } });
    expect(first.assessment.parts.map((p: { questionId: string }) => p.questionId)).toEqual([
      codingFixture.id,
      codingFixtureTwo.id
    ]);
    const secondId = first.assessment.parts[1].sessionId;
    const second = (await api.owner.request('GET', `/api/sessions/${secondId}`)).json.session;
    expect(second.deadline).toBe(first.deadline);
    expect(second.assessment).toEqual(first.assessment);
    expect(second.work.notes.codePython).toContain('def largest');

    // Work on one problem never touches the other's.
    const saved = await api.owner.request('PATCH', `/api/sessions/${first.id}/work`, {
      revision: first.revision,
      notes: { codePython: 'def two_sum(nums, target):\n    return [0, 1]' }
    });
    expect(saved.status).toBe(200);
    expect((await api.owner.request('GET', `/api/sessions/${secondId}`)).json.session.work.notes.codePython).toContain(
      'def largest'
    );
    // The stranger sees neither problem.
    expect((await api.stranger.request('GET', `/api/sessions/${secondId}`)).status).toBe(404);
  });

  it('finishing either problem finishes the assessment', async () => {
    const first = (
      await api.owner.request('POST', '/api/assessments', { questionIds: [codingFixtureTwo.id, codingFixture.id] })
    ).json.session;
    const secondId = first.assessment.parts[1].sessionId;
    const finished = await api.owner.request('POST', `/api/sessions/${secondId}/submit`);
    expect(finished.json.session.assessment.parts.map((p: { status: string }) => p.status)).toEqual([
      'submitted',
      'submitted'
    ]);
    const other = (await api.owner.request('GET', `/api/sessions/${first.id}`)).json.session;
    expect(other).toMatchObject({ status: 'submitted', submitReason: 'finished' });
  });

  it('shows each problem’s latest result and one combined score for the pair', async () => {
    const first = (
      await api.owner.request('POST', '/api/assessments', { questionIds: [codingFixture.id, codingFixtureTwo.id] })
    ).json.session;
    const [one, two] = first.assessment.parts.map((p: { sessionId: string }) => p.sessionId);
    expect(first.assessment.parts.map((p: { difficulty: string }) => p.difficulty)).toEqual(['easy', 'medium']);
    expect(first.assessment.combined).toEqual({ score: 0, passed: 0, total: 0, minutes: null });
    const judge = async (sessionId: string, verdicts: string[]) => {
      const { n } = (
        await api.owner.request('POST', `/api/sessions/${sessionId}/submissions`, { language: 'python', code: 'x' })
      ).json;
      await api.owner.request('PUT', `/api/sessions/${sessionId}/submissions/${n}/result`, {
        results: verdicts.map((verdict) => ({ verdict, ms: 1 }))
      });
    };
    await judge(one, Array(7).fill('pass'));
    await judge(two, [...Array(3).fill('pass'), ...Array(4).fill('fail')]);
    const { assessment } = (await api.owner.request('GET', `/api/sessions/${two}`)).json.session;
    expect(
      assessment.parts.map((p: { result: { passed: number; total: number } }) => [p.result.passed, p.result.total])
    ).toEqual([
      [7, 7],
      [3, 7]
    ]);
    // (100% + 43%) / 2, and the time to the later of the two submissions.
    expect(assessment.combined).toMatchObject({ score: 71, passed: 10, total: 14 });
    expect(assessment.combined.minutes).toBeGreaterThanOrEqual(0);
    expect(assessment.combined.minutes).toBeLessThan(1);
  });

  it('picks an easier and a harder problem when none are chosen', async () => {
    const first = (await api.owner.request('POST', '/api/assessments', {})).json.session;
    expect(first.question.id).toBe(codingFixture.id);
    expect(first.assessment.parts[1].questionId).toBe(codingFixtureTwo.id);
  });

  it.each([
    ['the same problem twice', { questionIds: [codingFixture.id, codingFixture.id] }, 'questionIds'],
    ['one problem', { questionIds: [codingFixture.id] }, 'questionIds'],
    ['a design question', { questionIds: [codingFixture.id, designFixture.id] }, 'questionIds.1'],
    ['an unknown problem', { questionIds: ['nope', codingFixture.id] }, 'questionIds.0'],
    ['a length it does not offer', { durationMin: 45 }, 'durationMin']
  ])('refuses %s with 400 and the field', async (_name, body, field) => {
    const res = await api.owner.request('POST', '/api/assessments', body);
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(res.json.error.fields)).toContain(field);
  });
});
