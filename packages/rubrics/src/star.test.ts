import { describe, expect, it } from 'vitest';
import {
  behavioralPhasePlan,
  hasQuantifiedResult,
  pronounBalance,
  starEvidence,
  starStructureRating,
  storyBankSummary,
  storyStrength,
  wordCount
} from './star.ts';

const story = {
  situation: 'Our checkout service paged the on-call team every night after a schema change.',
  task: 'I owned the reliability goal for the quarter and had to stop the pages.',
  action: 'I traced the pages to a retry storm, I wrote a proposal for backoff and we rolled it out together.',
  result: 'Pages fell from 14 a week to 1, and p99 latency dropped 40%.',
  differently: 'I would have involved the database team in the first week, not the third.'
};

describe('wordCount', () => {
  it.each([
    [undefined, 0],
    ['', 0],
    ['  one  ', 1],
    ["I didn't stop — p99 fell 40%.", 6]
  ])('%j → %d', (text, n) => expect(wordCount(text)).toBe(n));
});

describe('hasQuantifiedResult', () => {
  it.each([
    ['Pages fell from 14 a week to 1', true],
    ['latency dropped 40%', true],
    ['saved $2M a year', true],
    ['3x faster', true],
    ['shipped in 6 weeks', true],
    ['it went much better', false],
    ['in 2021 we shipped it', false],
    ['p99 improved a lot', false],
    ['', false]
  ])('%j → %s', (text, expected) => expect(hasQuantifiedResult(text)).toBe(expected));
});

describe('pronounBalance', () => {
  it.each([
    ['', { i: 0, we: 0, iShare: null }],
    ['We decided and we shipped', { i: 0, we: 2, iShare: 0 }],
    ["I wrote it, I'm proud; we shipped", { i: 2, we: 1, iShare: 0.67 }],
    ['My plan, our launch', { i: 1, we: 1, iShare: 0.5 }],
    ['Iteration and weekly reviews', { i: 0, we: 0, iShare: null }]
  ])('%j → %o', (text, expected) => expect(pronounBalance(text)).toEqual(expected));
});

describe('starEvidence', () => {
  it('measures each part, the number in the result, the reflection and I against we', () => {
    const evidence = starEvidence(story);
    expect(evidence.partsPresent).toBe(4);
    expect(evidence.parts.action).toEqual({ words: 20, present: true });
    expect(evidence.resultQuantified).toBe(true);
    expect(evidence.reflected).toBe(true);
    expect(evidence.action).toEqual({ i: 2, we: 1, iShare: 0.67 });
  });

  it.each([
    { answer: {}, partsPresent: 0, quantified: false },
    { answer: { situation: 'Context.', result: '40%' }, partsPresent: 0, quantified: false, why: 'too short to count' },
    { answer: { ...story, result: 'It went well and everyone was happy.' }, partsPresent: 4, quantified: false },
    { answer: { ...story, task: undefined }, partsPresent: 3, quantified: true }
  ])('$answer.task → $partsPresent parts ($why)', ({ answer, partsPresent, quantified }) => {
    const evidence = starEvidence(answer);
    expect(evidence.partsPresent).toBe(partsPresent);
    expect(evidence.resultQuantified).toBe(quantified);
  });
});

describe('storyStrength', () => {
  it.each([
    [story, { strong: true, missing: [] }],
    [
      { ...story, result: 'It went well and everyone was happy.' },
      { strong: false, missing: ['a number in the result'] }
    ],
    [{ situation: story.situation }, { strong: false, missing: ['task', 'action', 'result'] }]
  ])('%#', (answer, expected) => expect(storyStrength(answer)).toEqual(expected));
});

describe('behavioralPhasePlan', () => {
  it.each([
    { duration: 30, n: 2, minutes: [15, 15] },
    { duration: 30, n: 4, minutes: [8, 8, 7, 7] },
    { duration: 45, n: 2, minutes: [23, 22] },
    { duration: 45, n: 1, minutes: [45] }
  ])('$duration min over $n prompts → $minutes', ({ duration, n, minutes }) => {
    const plan = behavioralPhasePlan(
      duration,
      Array.from({ length: n }, (_, i) => `Prompt ${i + 1}`)
    );
    expect(plan.map((p) => p.minutes)).toEqual(minutes);
    expect(plan.map((p) => p.id)).toEqual(minutes.map((_, i) => `prompt-${i + 1}`));
    expect(plan.at(-1)!.startsAtMin + plan.at(-1)!.minutes).toBe(duration);
  });
});

describe('starStructureRating', () => {
  const full = { partsPresent: 4, resultQuantified: true, iShare: 0.8 };
  it.each([
    { prompts: [], rating: null },
    { prompts: [full, full], rating: 4 },
    { prompts: [full, { ...full, iShare: 0.2 }], rating: 3, why: 'one action told as "we"' },
    { prompts: [full, { ...full, resultQuantified: false, iShare: null }], rating: 3 },
    { prompts: [full, { partsPresent: 2, resultQuantified: false, iShare: null }], rating: 2 },
    { prompts: [{ partsPresent: 1, resultQuantified: false, iShare: 0 }], rating: 1 }
  ])('$prompts.length answers → $rating ($why)', ({ prompts, rating }) => {
    expect(starStructureRating({ prompts })?.rating ?? null).toBe(rating);
  });

  it('says why', () => {
    expect(starStructureRating({ prompts: [full, { ...full, iShare: 0.2 }] })?.reason).toBe(
      '2 of 2 answers tell all four STAR parts; 2 state a result with a number; 1 tell the action mostly as "I".'
    );
  });
});

describe('storyBankSummary', () => {
  const stories = [
    { id: 'a', themes: ['conflict', 'influence'] as const, strong: true },
    { id: 'b', themes: ['failure'] as const, strong: false },
    { id: 'c', themes: ['mentoring'] as const, strong: true }
  ];
  const themes = ['conflict', 'influence', 'failure', 'mentoring', 'incident'] as const;

  it('lists the themes no strong story covers', () => {
    expect(storyBankSummary(themes, stories, []).themesWithoutStrongStory).toEqual(['failure', 'incident']);
  });

  it.each([
    { uses: [], overused: [] },
    { uses: ['s1', 's2'].map((sessionId) => ({ storyId: 'a', sessionId })), overused: [] },
    {
      uses: ['s1', 's2', 's3'].map((sessionId) => ({ storyId: 'a', sessionId })),
      overused: [{ storyId: 'a', mocks: 3, reason: 'told in 3 mocks' }]
    },
    {
      uses: [
        { storyId: 'c', sessionId: 's1' },
        { storyId: 'c', sessionId: 's1' }
      ],
      overused: [{ storyId: 'c', mocks: 1, reason: 'told for two prompts of one mock' }]
    }
  ])('$uses.length uses → $overused.length overused', ({ uses, overused }) => {
    expect(storyBankSummary(themes, stories, uses).overused).toEqual(overused);
  });
});
