import { describe, expect, it } from 'vitest';
import type { Story } from '@mockloop/contracts';
import { answerOf, askedOf, hasAnswer, minutesOnPhase, notesFromStory, themesOf } from './answers.ts';

const story = {
  id: 'abc',
  title: 'Two teams',
  situation: 'S',
  task: 'T',
  action: 'A',
  result: 'R',
  differently: 'D'
} as Story;

describe('behavioral answers as notes', () => {
  it('reads one prompt’s STAR from the notes and fills a prompt from a story', () => {
    const notes = Object.fromEntries(notesFromStory(2, story));
    expect(notes).toEqual({
      p2Situation: 'S',
      p2Task: 'T',
      p2Action: 'A',
      p2Result: 'R',
      p2Differently: 'D',
      p2Story: 'abc'
    });
    expect(answerOf(notes, 2)).toEqual({ situation: 'S', task: 'T', action: 'A', result: 'R', differently: 'D' });
    expect(hasAnswer(answerOf(notes, 1))).toBe(false);
    expect(hasAnswer(answerOf({ p1Result: ' x ' }, 1))).toBe(true);
  });

  it('counts revealed follow-ups and keeps only known themes', () => {
    expect(askedOf({ p1Asked: '2' }, 1)).toBe(2);
    expect(askedOf({ p1Asked: 'junk' }, 1)).toBe(0);
    expect(askedOf({}, 3)).toBe(0);
    expect(themesOf({ themes: ['conflict', 'bravery', 'career'] })).toEqual(['conflict', 'career']);
  });

  it('adds up every visit to a prompt, the current one up to now', () => {
    const t = (min: number) => new Date(Date.UTC(2026, 0, 1, 10, min)).toISOString();
    const phaseLog = [
      { phaseId: 'prompt-1', startedAt: t(0) },
      { phaseId: 'prompt-2', startedAt: t(10) },
      { phaseId: 'prompt-1', startedAt: t(12) }
    ];
    expect(minutesOnPhase({ phaseLog }, 'prompt-1', Date.parse(t(15)))).toBe(13);
    expect(minutesOnPhase({ phaseLog }, 'prompt-2', Date.parse(t(15)))).toBe(2);
    expect(minutesOnPhase({ phaseLog }, 'prompt-3', Date.parse(t(15)))).toBe(0);
  });
});
