/**
 * One save in flight per tab: a save asked for while another is out waits for it, and every change made meanwhile
 * goes out together in the one save that follows. Two saves of one tab never race each other to the server (the
 * second would find the revision moved by the first and come back 409 CONFLICT).
 */
export interface SaveLoopOptions {
  /** Sends what is unsaved now; settles (never rejects) when the server has answered or the attempt failed. */
  send: () => Promise<void>;
  /** Whether anything is left to send. */
  hasChanges: () => boolean;
}

export class SaveLoop {
  #timer: ReturnType<typeof setTimeout> | null = null;
  #inFlight: Promise<void> | null = null;
  #stopped = false;

  constructor(private readonly options: SaveLoopOptions) {}

  /** Whether a save is out now. */
  get busy(): boolean {
    return this.#inFlight !== null;
  }

  /** Whether a save is waiting on its timer. */
  get scheduled(): boolean {
    return this.#timer !== null;
  }

  /** Saves in `ms` (replacing a save already waiting on its timer). */
  schedule(ms: number): void {
    if (this.#stopped) return;
    this.cancel();
    this.#timer = setTimeout(() => {
      this.#timer = null;
      void this.flush();
    }, ms);
  }

  cancel(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
  }

  /** Sends now, after the save in flight (if any); resolves when the changes made up to this call were tried. */
  async flush(): Promise<void> {
    this.cancel();
    // A loop, not an `if`: two callers that waited for the same save must not both go out when it settles.
    while (this.#inFlight) await this.#inFlight;
    if (this.#stopped || !this.options.hasChanges()) return;
    const sending: Promise<void> = this.options
      .send()
      .catch(() => {})
      .finally(() => {
        if (this.#inFlight === sending) this.#inFlight = null;
      });
    this.#inFlight = sending;
    await sending;
  }

  /** Resolves once no save is in flight. */
  async settled(): Promise<void> {
    while (this.#inFlight) await this.#inFlight;
  }

  /** No more saves (the session is over, or the page is gone). */
  stop(): void {
    this.#stopped = true;
    this.cancel();
  }
}
