/**
 * Uploads a session's recorded chunks from the chunk outbox, oldest first, one at a time; each leaves the outbox
 * once acknowledged. Offline or while the server restarts it retries with backoff (and at once when the browser is
 * back online); a full recording (413) or an ended session stops it with a message the page shows.
 */
import { api, ApiRequestError, call } from '../api.ts';
import { chunkOutbox, type PendingChunk } from './chunk-outbox.ts';

export type UploadStatus = 'idle' | 'uploading' | 'offline' | 'full' | 'error';

const MAX_BACKOFF_MS = 8_000;

async function toBase64(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

export class ChunkUploader {
  status = $state<UploadStatus>('idle');
  /** Chunks kept in this browser that the server has not acknowledged. */
  pending = $state(0);
  /** The recording's size on the server, and its limit (from the last acknowledgement). */
  bytes = $state(0);
  limitBytes = $state(0);
  message = $state('');

  #running: Promise<void> | null = null;
  #again = false;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #backoffMs = 1000;
  #closed = false;

  constructor(private readonly sessionId: string) {
    if (typeof window !== 'undefined') window.addEventListener('online', this.#onOnline);
  }

  /** Keeps a chunk until the server has it, and starts uploading. */
  async add(chunk: PendingChunk): Promise<void> {
    await chunkOutbox.put(chunk);
    this.pending += 1;
    this.kick();
  }

  /** Uploads whatever is pending; resolves when the outbox is empty or the upload has to wait. */
  kick(): Promise<void> {
    if (this.#running) {
      this.#again = true;
      return this.#running;
    }
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    this.#running = this.#drain().finally(() => {
      this.#running = null;
      if (this.#again && !this.#closed) {
        this.#again = false;
        void this.kick();
      }
    });
    return this.#running;
  }

  close(): void {
    this.#closed = true;
    if (this.#timer) clearTimeout(this.#timer);
    if (typeof window !== 'undefined') window.removeEventListener('online', this.#onOnline);
  }

  #onOnline = () => {
    this.#backoffMs = 1000;
    void this.kick();
  };

  async #drain(): Promise<void> {
    const chunks = await chunkOutbox.pending(this.sessionId);
    this.pending = chunks.length;
    if (chunks.length === 0 || this.status === 'full') return;
    this.status = 'uploading';
    for (const chunk of chunks) {
      if (this.#closed) return;
      const outcome = await this.#send(chunk);
      if (outcome === 'retry') return this.#retryLater();
      if (outcome === 'stop') return;
      await chunkOutbox.remove(chunk);
      this.pending = Math.max(0, this.pending - 1);
    }
    this.#backoffMs = 1000;
    this.status = 'idle';
    this.message = '';
  }

  async #send(chunk: PendingChunk): Promise<'done' | 'retry' | 'stop'> {
    const { segment, seq, startMs, durationMs, source = 'voice' } = chunk;
    try {
      const body = { segment, seq, startMs, durationMs, source, data: await toBase64(chunk.data) };
      const ack = await call(api.sessions[':id'].recording.chunks.$post({ param: { id: this.sessionId }, json: body }));
      this.bytes = ack.bytes;
      this.limitBytes = ack.limitBytes;
      return 'done';
    } catch (e) {
      if (!(e instanceof ApiRequestError)) throw e;
      if (e.status === 413) {
        this.status = 'full';
        this.message = e.message;
        return 'stop';
      }
      // Nobody will ever take this chunk (the session ended before it was recorded, or is gone, or the call's
      // consent was withdrawn): drop it.
      if (e.status === 409 || e.status === 404 || e.status === 400 || e.status === 403) return 'done';
      this.status = e.status === 0 || e.status === 503 ? 'offline' : 'error';
      this.message =
        e.status === 0 ? 'Offline: the recording is kept in this browser until it can be sent.' : e.message;
      return 'retry';
    }
  }

  #retryLater(): void {
    if (this.#closed) return;
    this.#timer = setTimeout(() => void this.kick(), this.#backoffMs);
    this.#backoffMs = Math.min(MAX_BACKOFF_MS, this.#backoffMs * 2);
  }
}
