/** Two steps at once keep a line each on a terminal; logs get one line per step at most every ten seconds. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { progressBoard } from './progress.ts';

function fakeStream(isTTY: boolean) {
  const writes: string[] = [];
  const stream = { isTTY, write: (text: string) => writes.push(text) > 0 } as unknown as NodeJS.WriteStream;
  return { stream, writes };
}

/** What a terminal shows after these writes: cursor-up and clear-below applied, lines kept. */
function screen(writes: string[]): string[] {
  const lines: string[] = [];
  for (const write of writes) {
    let rest = write;
    // eslint-disable-next-line no-control-regex -- the terminal's escape codes are what this reads
    const up = /^\x1b\[(\d+)A\r\x1b\[J/.exec(rest);
    if (up) {
      lines.splice(lines.length - Number(up[1]));
      rest = rest.slice(up[0].length);
    }
    lines.push(...rest.split('\n').slice(0, -1));
  }
  return lines;
}

afterEach(() => vi.useRealTimers());

describe('progressBoard', () => {
  it('on a terminal, shows both running steps and keeps finished ones above them', () => {
    const { stream, writes } = fakeStream(true);
    const board = progressBoard(stream);
    const web = board.line();
    const db = board.line();
    web.update('building the web app… 1s');
    db.update('building the embedded database… 1s');
    web.update('building the web app… 2s');
    expect(screen(writes)).toEqual(['⏳ building the web app… 2s', '⏳ building the embedded database… 1s']);
    db.done('built the embedded database in 2s');
    expect(screen(writes)).toEqual(['✓ built the embedded database in 2s', '⏳ building the web app… 2s']);
    web.done('built the web app in 3s');
    web.update('too late');
    expect(screen(writes)).toEqual(['✓ built the embedded database in 2s', '✓ built the web app in 3s']);
  });

  it('in a log, prints each step at most every ten seconds, and its end at once', () => {
    vi.useFakeTimers({ now: 100_000 });
    const { stream, writes } = fakeStream(false);
    const board = progressBoard(stream);
    const web = board.line();
    const db = board.line();
    web.update('web 1s');
    db.update('db 1s');
    vi.advanceTimersByTime(5_000);
    web.update('web 6s');
    vi.advanceTimersByTime(6_000);
    web.update('web 12s');
    db.done('db done');
    expect(writes).toEqual(['⏳ web 1s\n', '⏳ db 1s\n', '⏳ web 12s\n', '✓ db done\n']);
  });
});
