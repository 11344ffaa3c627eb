/**
 * What this tab remembers of the voice calls it was in, so a call comes back with nobody pressing Join: the same
 * session's call after a reload, and a practice pair's call after the swap. A pair is one call to its two people,
 * though each half is a session of its own with its own signalling: whoever was in the first half's call joins the
 * second half's as its page opens. Muted stays muted. Kept in sessionStorage: this tab, for its life.
 */
import type { CallState } from '@mockloop/contracts';

export type CallStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
type Pair = NonNullable<CallState['pair']>;
const IN_CALL = 'in-call';
const MUTED = 'muted';

export class CallMemory {
  /** The practice pair this session is a half of, once the call's state says so. */
  pair: Pair | null = null;

  constructor(
    private readonly store: CallStore,
    private readonly sessionId: string
  ) {}

  /**
   * Whether the page joins the call as it opens (and muted or not): it was in this call before a reload, or in the
   * pair's earlier half's; null when it joins only when asked.
   */
  get rejoin(): { muted: boolean } | null {
    const here = this.store.getItem(this.#sessionKey);
    if (here) return { muted: here === MUTED };
    if (!this.pair) return null;
    const [half, muted] = (this.store.getItem(this.#pairKey(this.pair)) ?? '').split(':');
    // Only forward over the swap: back on the first half's page (to score it, say) nothing is joined.
    return half && Number(half) < this.pair.half ? { muted: muted === MUTED } : null;
  }

  /** In the call (and muted or not): after a reload it joins again, and a pair's next half joins it too. */
  joined(muted: boolean): void {
    this.store.setItem(this.#sessionKey, muted ? MUTED : IN_CALL);
    if (this.pair) this.store.setItem(this.#pairKey(this.pair), `${this.pair.half}${muted ? `:${MUTED}` : ''}`);
  }

  /** The person left the call: nothing joins it again by itself, in this session or the pair's next half. */
  left(): void {
    this.store.removeItem(this.#sessionKey);
    if (this.pair) this.store.removeItem(this.#pairKey(this.pair));
  }

  /**
   * The call ended without the person leaving it (the page went away, or the session ended): not joined again on
   * the way back to this session, but a pair's next half still joins it.
   */
  ended(): void {
    this.store.removeItem(this.#sessionKey);
  }

  get #sessionKey(): string {
    return `mockloop:call:${this.sessionId}`;
  }

  #pairKey(pair: Pair): string {
    return `mockloop:pair-call:${pair.bookingId}`;
  }
}
