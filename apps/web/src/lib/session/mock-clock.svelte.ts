/**
 * A running mock's clock on the server's time (a wrong client clock changes nothing), ticking four times a second,
 * and the page's lifecycle around it: a save is flushed whenever the page is hidden or closed.
 */
import { serverOffsetMs } from './clock.ts';

export class MockClock {
  /** The client's time at the last tick; read `serverNow` for the server's. */
  now = $state(Date.now());
  private readonly offsetMs: number;

  constructor(serverNow: string, receivedAt: number) {
    this.offsetMs = serverOffsetMs(serverNow, receivedAt);
  }

  /** The server's time at the last tick, in milliseconds. */
  get serverNow(): number {
    return this.now + this.offsetMs;
  }

  /** Milliseconds left until `deadline` (an ISO time from the server). */
  remaining(deadline: string): number {
    return Date.parse(deadline) - this.serverNow;
  }

  /** Starts ticking (`ontick` after each tick) and calls `onhide` when the page is hidden; returns the stop. */
  start(ontick: () => void, onhide: () => void): () => void {
    const tick = setInterval(() => {
      this.now = Date.now();
      ontick();
    }, 250);
    const hidden = () => {
      if (document.visibilityState === 'hidden') onhide();
    };
    document.addEventListener('visibilitychange', hidden);
    window.addEventListener('pagehide', hidden);
    return () => {
      clearInterval(tick);
      document.removeEventListener('visibilitychange', hidden);
      window.removeEventListener('pagehide', hidden);
    };
  }
}
