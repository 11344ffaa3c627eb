/**
 * Status lines for long first-run steps that may run at once: on a terminal each step keeps one line,
 * rewritten in place (finished steps stay above with a ✓); in logs each step prints at most every ten seconds.
 */
export interface ProgressLine {
  update(text: string): void;
  done(text: string): void;
}

export interface ProgressBoard {
  /** A new line at the bottom of the board. */
  line(): ProgressLine;
}

/** CI logs keep every line, so a step reports once every ten seconds rather than every second. */
const LOG_EVERY_MS = 10_000;

export function progressBoard(stream: NodeJS.WriteStream = process.stdout): ProgressBoard {
  const interactive = stream.isTTY === true;
  /** Steps still running, in the order they were added, with their latest text. */
  const active: { text: string }[] = [];
  let drawn = 0;

  /** Moves back over the running steps, prints `finished` (if any) above them, and draws them again. */
  function redraw(finished?: string) {
    let out = drawn > 0 ? `\x1b[${drawn}A\r\x1b[J` : '';
    if (finished !== undefined) out += `✓ ${finished}\n`;
    for (const row of active) out += `⏳ ${row.text}\n`;
    drawn = active.length;
    stream.write(out);
  }

  return {
    line() {
      const row = { text: '' };
      let lastLogged = 0;
      let finished = false;
      return {
        update(text) {
          if (finished) return;
          if (!interactive) {
            if (Date.now() - lastLogged < LOG_EVERY_MS) return;
            lastLogged = Date.now();
            stream.write(`⏳ ${text}\n`);
            return;
          }
          row.text = text;
          if (!active.includes(row)) active.push(row);
          redraw();
        },
        done(text) {
          if (finished) return;
          finished = true;
          if (!interactive) {
            stream.write(`✓ ${text}\n`);
            return;
          }
          const index = active.indexOf(row);
          if (index >= 0) active.splice(index, 1);
          redraw(text);
        }
      };
    }
  };
}

/** One status line on its own. */
export function progressLine(stream: NodeJS.WriteStream = process.stdout): ProgressLine {
  return progressBoard(stream).line();
}
