import { afterEach, describe, expect, it, vi } from 'vitest';
import { applyDraftElements } from './apply-draft.ts';
import { DraftSender, sceneChanges, type DraftBody } from './draft-sender.ts';

const el = (id: string, version: number) => ({ id, type: 'rectangle', version });

describe('sceneChanges', () => {
  it('sends new and edited shapes and the ids of removed ones, nothing unchanged', () => {
    const sent = new Map([
      ['a', 1],
      ['b', 2],
      ['gone', 1]
    ]);
    expect(sceneChanges(sent, [el('a', 1), el('b', 3), el('c', 1)])).toEqual({
      elements: [el('b', 3), el('c', 1)],
      removedIds: ['gone']
    });
    expect(sceneChanges(new Map([['a', 1]]), [el('a', 1)])).toEqual({});
  });
});

describe('applyDraftElements', () => {
  it('adds, replaces with newer versions, keeps newer ones over late drafts, and removes', () => {
    const current = [el('a', 2), el('b', 1), el('c', 1)];
    expect(applyDraftElements(current, [el('a', 1), el('b', 4), el('d', 1)], ['c'])).toEqual([
      el('a', 2),
      el('b', 4),
      el('d', 1)
    ]);
  });
});

describe('DraftSender', () => {
  afterEach(() => vi.useRealTimers());

  /** A sender whose drafts are answered only when the test says so. */
  function sender() {
    vi.useFakeTimers();
    const sent: DraftBody[] = [];
    const answers: (() => void)[] = [];
    const drafts = new DraftSender('s1', 80, (_id, body) => {
      sent.push(body);
      return new Promise<void>((resolve) => answers.push(resolve));
    });
    drafts.active = true;
    return { drafts, sent, answer: () => answers.shift()?.() };
  }

  it('sends one draft at a time: what is typed meanwhile goes in one draft after the answer', async () => {
    const { drafts, sent, answer } = sender();
    drafts.setNote('design', 'a');
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toEqual([{ notes: { design: 'a' } }]);
    drafts.setNote('design', 'ab');
    drafts.setNote('functional', 'f');
    await vi.advanceTimersByTimeAsync(500);
    drafts.setNote('design', 'abc');
    expect(sent).toHaveLength(1);
    answer();
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toEqual([{ notes: { design: 'a' } }, { notes: { design: 'abc', functional: 'f' } }]);
  });

  it('keeps at most one draft every interval when answers come quickly', async () => {
    const { drafts, sent, answer } = sender();
    drafts.setNote('design', 'a');
    await vi.advanceTimersByTimeAsync(0);
    answer();
    drafts.setNote('design', 'ab');
    await vi.advanceTimersByTimeAsync(40);
    expect(sent).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(40);
    expect(sent).toEqual([{ notes: { design: 'a' } }, { notes: { design: 'ab' } }]);
  });

  it('sends nothing once the answer comes if nothing changed meanwhile', async () => {
    const { drafts, sent, answer } = sender();
    drafts.setNote('design', 'a');
    await vi.advanceTimersByTimeAsync(0);
    answer();
    await vi.advanceTimersByTimeAsync(1000);
    expect(sent).toHaveLength(1);
  });
});
