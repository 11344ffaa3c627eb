/** The session clock runs on the server's time: a wrong client clock changes nothing. */

/** Milliseconds to add to Date.now() to get the server's time, from a response's `serverNow`. */
export function serverOffsetMs(serverNow: string, receivedAt = Date.now()): number {
  return Date.parse(serverNow) - receivedAt;
}

export function formatClock(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return `${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}`;
}
