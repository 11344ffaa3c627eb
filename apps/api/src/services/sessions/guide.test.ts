import { loadQuestionBank, type VersionedQuestion } from '@mockloop/question-bank/load';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SessionDoc } from '../../db/client.ts';
import { interviewerGuide, projectQuestions, roomGuide, type GuideViewer } from './guide.ts';

let design: VersionedQuestion;
let coding: VersionedQuestion;
let prompts: VersionedQuestion[];
beforeAll(async () => {
  const bank = await loadQuestionBank();
  design = bank.find((q) => q.kind === 'design')!;
  coding = bank.find((q) => q.kind === 'coding')!;
  prompts = bank.filter((q) => q.kind === 'behavioral').slice(0, 2);
});

type Doc = Parameters<typeof projectQuestions>[0];
const at = new Date('2026-12-01T10:00:00Z');

function sessionOf(question: VersionedQuestion, status: SessionDoc['status'], phase?: string): Doc {
  const phasePlan = ['clarify', 'deep-dives', 'wrap-up'].map((id, i) => ({
    id,
    name: id,
    minutes: 10,
    startsAtMin: i
  }));
  return {
    question,
    ...(question.kind === 'behavioral' ? { prompts } : {}),
    status,
    phasePlan,
    phaseLog: [{ phaseId: phase ?? 'clarify', startedAt: at }]
  } as Doc;
}

/** Every guide line (follow-up, hint, key point) of the session's question(s) that `payload` carries. */
function guideIn(doc: Doc, payload: unknown): string[] {
  const text = JSON.stringify(payload);
  const questions = doc.question.kind === 'behavioral' ? (doc.prompts ?? []) : [doc.question];
  return questions
    .flatMap((q) => [...q.followUps, ...q.hints, ...q.keyPoints.map((k) => k.point)])
    .filter((line) => text.includes(JSON.stringify(line).slice(1, -1)));
}

const candidate = (interviewed: boolean): GuideViewer => ({ role: 'owner', interviewed });
const interviewer: GuideViewer = { role: 'reviewer', interviewed: true };

describe('what of the guide each viewer gets', () => {
  it('design: the candidate gets none while interviewed; alone, the follow-ups asked for from the deep dives on', () => {
    const q = design.kind === 'design' ? design : null;
    const running = sessionOf(design, 'active', 'deep-dives');
    expect(guideIn(running, projectQuestions(running, { p1Asked: '2' }, candidate(true)))).toEqual([]);
    expect(guideIn(running, projectQuestions(running, {}, candidate(false)))).toEqual([]);
    // One at a time, in order, as the candidate asks.
    const alone = projectQuestions(running, { p1Asked: '2' }, candidate(false));
    expect(guideIn(running, alone)).toEqual(q!.followUps.slice(0, 2));
    expect(alone.question).toMatchObject({ followUpCount: q!.followUps.length, hints: [], keyPoints: [] });
    // Asked for before the deep dives: nothing until then.
    const early = sessionOf(design, 'active', 'clarify');
    expect(guideIn(early, projectQuestions(early, { p1Asked: '3' }, candidate(false)))).toEqual([]);
  });

  it('behavioral: the candidate alone gets the follow-ups asked for, per prompt; interviewed, none', () => {
    const running = sessionOf(prompts[0]!, 'active');
    const asked = { p1Asked: '1', p2Asked: '2' };
    const alone = projectQuestions(running, asked, candidate(false));
    expect(alone.prompts.map((p) => p.followUps.length)).toEqual([1, 2]);
    expect(alone.prompts.every((p) => p.hints.length === 0 && p.keyPoints.length === 0)).toBe(true);
    expect(alone.prompts.map((p) => p.followUpCount)).toEqual(
      prompts.map((p) => (p.kind === 'behavioral' ? p.followUps.length : 0))
    );
    expect(alone.question).toEqual(alone.prompts[0]);
    expect(guideIn(running, projectQuestions(running, asked, candidate(true)))).toEqual([]);
    // A count that is not a number reveals nothing.
    expect(projectQuestions(running, { p1Asked: 'lots' }, candidate(false)).prompts[0]!.followUps).toEqual([]);
  });

  it.each(['design', 'behavioral'] as const)(
    '%s: the interviewer, and the candidate once finished, get all',
    (kind) => {
      const question = kind === 'design' ? design : prompts[0]!;
      const all = (doc: Doc) => {
        const qs = doc.question.kind === 'behavioral' ? (doc.prompts ?? []) : [doc.question];
        return qs.flatMap((q) => [...q.followUps, ...q.hints, ...q.keyPoints.map((k) => k.point)]);
      };
      const running = sessionOf(question, 'active');
      expect(guideIn(running, projectQuestions(running, {}, interviewer)).sort()).toEqual(all(running).sort());
      const finished = sessionOf(question, 'submitted');
      expect(guideIn(finished, projectQuestions(finished, {}, candidate(true))).sort()).toEqual(all(finished).sort());
    }
  );

  it('coding: the question never carries the guide or the hidden tests, for anyone, running or finished', () => {
    for (const status of ['active', 'submitted'] as const) {
      const doc = sessionOf(coding, status);
      for (const viewer of [candidate(false), candidate(true), interviewer]) {
        const projected = projectQuestions(doc, {}, viewer);
        expect(guideIn(doc, projected)).toEqual([]);
        expect(JSON.stringify(projected)).not.toContain('"hiddenTests"');
      }
    }
  });

  it('coding: the interviewer’s guide is the problem’s own, whole', () => {
    const q = coding.kind === 'coding' ? coding : null;
    expect(interviewerGuide(sessionOf(coding, 'active'))).toEqual({
      followUps: q!.followUps,
      hints: q!.hints,
      keyPoints: q!.keyPoints.map(({ point, level }) => ({ point, level }))
    });
    // A snapshot taken before coding problems had a guide has none to reveal.
    const { followUps: _f, hints: _h, keyPoints: _k, ...old } = q!;
    expect(interviewerGuide(sessionOf(old as VersionedQuestion, 'active'))).toBeNull();
  });

  it.each(['design', 'coding', 'behavioral'] as const)(
    'the room shows the %s guide to the interviewer only',
    (kind) => {
      const running = sessionOf(kind === 'design' ? design : kind === 'coding' ? coding : prompts[0]!, 'active');
      expect(roomGuide(running, { role: 'owner' })).toBeNull();
      expect(roomGuide(running, { role: 'reviewer' })?.followUps.length).toBeGreaterThan(0);
      expect(roomGuide(running, { role: 'reviewer' })?.hints.length).toBeGreaterThan(0);
    }
  );
});
