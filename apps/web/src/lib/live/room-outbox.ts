/**
 * The room's outbox: chat messages, pinned notes and reveals are kept (in IndexedDB, like the work's outbox) until
 * the server has them, and sent one at a time, in the order they were made. A write the network swallowed is sent
 * again with the same client id, which the server stores once (services/live/room.ts).
 */
export type RoomWrite =
  | { clientId: string; kind: 'chat' | 'note'; text: string }
  | { clientId: string; kind: 'reveal'; reveal: { kind: 'followUp' | 'hint'; index: number } };

/** What a failed send means for the write: keep it and try later, or drop it with the server's reason. */
export type FailureOutcome = 'retry' | 'delivered' | 'refused';

/** A request's failure as the API client reports it (status 0: the network). */
export interface SendFailure {
  status: number;
  code: string;
}

/**
 * The network, a server restarting, a database not answering or a limit for now: later. A reveal the candidate
 * already sees (409 CONFLICT) arrived. Any other refusal will not change by trying again.
 */
export function outcomeOf(write: RoomWrite, failure: SendFailure): FailureOutcome {
  if (failure.status === 0 || failure.status >= 500 || failure.status === 429 || failure.status === 408) return 'retry';
  if (write.kind === 'reveal' && failure.code === 'CONFLICT') return 'delivered';
  return 'refused';
}

/** Where the outbox keeps its writes between pages (IndexedDB in the browser, memory in tests). */
export interface OutboxStore {
  read(): Promise<RoomWrite[]>;
  write(writes: RoomWrite[]): Promise<void>;
}

export interface RoomOutboxOptions {
  store: OutboxStore;
  /** Sends one write; throws what the API client throws. */
  send: (write: RoomWrite) => Promise<void>;
  /** Reads a failure's status and code (null: not a request's failure, treated as the network). */
  failureOf: (error: unknown) => (SendFailure & { message: string }) | null;
  /** The writes not yet sent, and why the first is waiting ('' when nothing is). */
  onChange: (pending: RoomWrite[], waiting: string) => void;
  /** A write the server refused for good, with its reason. */
  onRefused: (write: RoomWrite, message: string) => void;
}

const FIRST_RETRY_MS = 1000;
const MAX_RETRY_MS = 10_000;
export const OFFLINE_MESSAGE = 'Cannot reach MockLoop. What you sent is kept here and goes out once you are back.';

export class RoomOutbox {
  #writes: RoomWrite[] = [];
  #loading: Promise<void> | null = null;
  #draining: Promise<void> | null = null;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #retryMs = FIRST_RETRY_MS;
  #closed = false;

  constructor(private readonly options: RoomOutboxOptions) {}

  get pending(): readonly RoomWrite[] {
    return this.#writes;
  }

  /** Takes in what a previous page left unsent (before any new write), then sends it. */
  load(): Promise<void> {
    this.#loading ??= this.options.store
      .read()
      .catch(() => [])
      .then((kept) => {
        this.#writes = [...kept, ...this.#writes];
        this.#changed('');
        void this.drain();
      });
    return this.#loading;
  }

  /** Keeps the write, then sends it after every write made before it. Resolves once it is kept. */
  async add(write: RoomWrite): Promise<void> {
    // What a previous page kept goes first, and is not overwritten by this write's keeping.
    await this.#loading;
    this.#writes = [...this.#writes, write];
    this.#changed('');
    await this.options.store.write(this.#writes).catch(() => {});
    void this.drain();
  }

  /** Sends what is waiting, one at a time; now (the network is back), whatever the retry timer said. */
  drain(): Promise<void> {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    this.#draining ??= this.#sendAll().finally(() => (this.#draining = null));
    return this.#draining;
  }

  close(): void {
    this.#closed = true;
    if (this.#timer) clearTimeout(this.#timer);
  }

  async #sendAll(): Promise<void> {
    while (!this.#closed && this.#writes.length > 0) {
      const write = this.#writes[0]!;
      let outcome: FailureOutcome = 'delivered';
      let message = '';
      try {
        await this.options.send(write);
      } catch (error) {
        const failure = this.options.failureOf(error) ?? { status: 0, code: 'NETWORK', message: OFFLINE_MESSAGE };
        outcome = outcomeOf(write, failure);
        message = failure.status === 0 ? OFFLINE_MESSAGE : failure.message;
      }
      if (outcome === 'retry') {
        this.#changed(message);
        this.#timer = setTimeout(() => void this.drain(), this.#retryMs);
        this.#retryMs = Math.min(this.#retryMs * 2, MAX_RETRY_MS);
        return;
      }
      this.#retryMs = FIRST_RETRY_MS;
      this.#writes = this.#writes.filter((w) => w.clientId !== write.clientId);
      await this.options.store.write(this.#writes).catch(() => {});
      if (outcome === 'refused') this.options.onRefused(write, message);
      this.#changed('');
    }
  }

  #changed(waiting: string): void {
    this.options.onChange([...this.#writes], waiting);
  }
}
