/** One updating status line for long first-run steps: rewritten in place on a terminal, throttled in logs. */
export interface ProgressLine {
  update(text: string): void;
  done(text: string): void;
}

export function progressLine(stream: NodeJS.WriteStream = process.stdout): ProgressLine {
  const interactive = stream.isTTY === true;
  let lastLogged = 0;
  return {
    update(text) {
      if (interactive) {
        stream.write(`\r\x1b[2K⏳ ${text}`);
      } else if (Date.now() - lastLogged >= 10_000) {
        // CI logs keep every line, so print one every ten seconds rather than every second.
        lastLogged = Date.now();
        stream.write(`⏳ ${text}\n`);
      }
    },
    done(text) {
      stream.write(interactive ? `\r\x1b[2K✓ ${text}\n` : `✓ ${text}\n`);
    }
  };
}
