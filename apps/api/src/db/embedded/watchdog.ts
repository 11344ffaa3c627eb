/**
 * Starts FerretDB under a tiny shell watchdog that ends it when MockLoop's process goes away, however it goes
 * (Ctrl-C, a crash, SIGKILL): the watchdog holds the read end of a pipe whose only writer is MockLoop, and the
 * end of that pipe is the signal. Without it a killed MockLoop left FerretDB running with no parent.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

/**
 * `$@` is FerretDB's command line. The script prints FerretDB's pid, waits for it, and stops it on SIGTERM or when
 * its stdin (the pipe from MockLoop) reaches end-of-file; it exits with FerretDB's status.
 */
const WATCHDOG = `
exec 3<&0
"$@" </dev/null >/dev/null 3<&- &
child=$!
echo "$child"
{ while read -r _; do :; done; kill -TERM "$child" 2>/dev/null; } <&3 &
watcher=$!
exec 3<&-
trap 'kill -TERM "$child" 2>/dev/null' TERM INT
while :; do
  wait "$child"
  status=$?
  kill -0 "$child" 2>/dev/null || break
done
kill "$watcher" 2>/dev/null
exit "$status"
`;

export interface WatchedProcess {
  /** The watchdog; it exits when FerretDB does. */
  child: ChildProcess;
  /** FerretDB's own pid. */
  pid: number;
}

/**
 * @example
 * const { child, pid } = await spawnWatched('/path/to/ferretdb', ['--listen-addr=127.0.0.1:27017']);
 */
export function spawnWatched(binary: string, args: string[]): Promise<WatchedProcess> {
  const child = spawn('/bin/sh', ['-c', WATCHDOG, 'mockloop-ferretdb-watchdog', binary, ...args], {
    stdio: ['pipe', 'pipe', 'pipe']
  });
  // The watchdog reads nothing but the end of this pipe; keep it from holding MockLoop's event loop open.
  (child.stdin as unknown as { unref?: () => void }).unref?.();
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', (line) => {
      const pid = Number(line);
      if (Number.isInteger(pid) && pid > 0) resolve({ child, pid });
      else reject(new Error(`the watchdog printed "${line}" instead of a pid`));
    });
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the watchdog exited with ${code} before starting FerretDB`)));
  });
}
