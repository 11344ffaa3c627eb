/**
 * "Record yourself": the microphone recorded with MediaRecorder (Opus in WebM) in half-second chunks, each kept in
 * the chunk outbox and uploaded as it comes. Every start is a new segment, a WebM stream of its own, named by its
 * start on the session's clock (ms from the session's start, server time); a reload mid-recording resumes with a
 * new segment, so the recording has only the reload's seconds missing.
 */
import { RECORDING_CHUNK_MS } from '@mockloop/contracts/constants';
import { ChunkUploader } from './chunk-uploader.svelte.ts';

export type RecorderState = 'off' | 'starting' | 'recording' | 'denied' | 'unsupported';

const MIME_TYPE = 'audio/webm;codecs=opus';
const flagKey = (sessionId: string) => `mockloop:recording:${sessionId}`;

export interface VoiceRecorderOptions {
  /** The session's start and the server's time now, in ms: chunk times are their difference. */
  startedAt: number;
  serverNow: () => number;
}

export class VoiceRecorder {
  state = $state<RecorderState>('off');
  /** When the current segment started (ms from the session's start), while recording. */
  segmentStartMs = $state(0);
  /** What is being recorded: the microphone, or the live room's call (both voices, with both sides' consent). */
  source = $state<'voice' | 'call' | null>(null);
  readonly uploader: ChunkUploader;

  #recorder: MediaRecorder | null = null;
  #stream: MediaStream | null = null;

  constructor(
    private readonly sessionId: string,
    private readonly options: VoiceRecorderOptions
  ) {
    this.uploader = new ChunkUploader(sessionId);
  }

  static get supported(): boolean {
    return typeof MediaRecorder !== 'undefined' && MediaRecorder.isTypeSupported(MIME_TYPE);
  }

  /** Whether this page was recording when it was left: the next page resumes. */
  get wasRecording(): boolean {
    return localStorage.getItem(flagKey(this.sessionId)) === 'on';
  }

  /** Uploads what an earlier page left, and resumes recording if it was on. */
  async resume(): Promise<void> {
    void this.uploader.kick();
    if (this.wasRecording) await this.start();
  }

  /** Starts a new segment: the microphone, or `stream` (the call's mix, `source` 'call'). */
  async start(stream?: MediaStream, source: 'voice' | 'call' = 'voice'): Promise<void> {
    if (this.#recorder) return;
    if (!VoiceRecorder.supported) {
      this.state = 'unsupported';
      return;
    }
    this.state = 'starting';
    try {
      this.#stream = stream ?? (await navigator.mediaDevices.getUserMedia({ audio: true }));
    } catch {
      this.state = 'denied';
      localStorage.removeItem(flagKey(this.sessionId));
      return;
    }
    // Only the microphone resumes by itself after a reload; the call is recorded again once it reconnects.
    if (source === 'voice') localStorage.setItem(flagKey(this.sessionId), 'on');
    this.source = source;
    const recorder = new MediaRecorder(this.#stream, { mimeType: MIME_TYPE });
    this.#recorder = recorder;
    // This segment's own numbering: a stopped recorder's last chunk may arrive after the next one started.
    let segment = 0;
    let seq = 0;
    let nextStartMs = 0;
    let lastAt = 0;
    recorder.onstart = () => {
      lastAt = performance.now();
      segment = nextStartMs = Math.max(0, Math.round(this.options.serverNow() - this.options.startedAt));
      this.segmentStartMs = segment;
      this.state = 'recording';
    };
    recorder.ondataavailable = (event) => {
      if (event.data.size === 0) return;
      const now = performance.now();
      const durationMs = Math.round(now - lastAt);
      lastAt = now;
      const chunk = {
        sessionId: this.sessionId,
        segment,
        seq: seq++,
        startMs: nextStartMs,
        durationMs,
        data: event.data
      };
      nextStartMs += durationMs;
      void this.uploader.add(chunk);
      // The server holds no more: stop rather than keep audio nobody will take.
      if (this.uploader.status === 'full' && this.#recorder === recorder) this.stop();
    };
    recorder.start(RECORDING_CHUNK_MS);
  }

  /** Stops recording (the last chunk is kept and uploaded); `forget` false keeps the flag for the next page. */
  stop(forget = true): void {
    if (forget) localStorage.removeItem(flagKey(this.sessionId));
    if (this.#recorder && this.#recorder.state !== 'inactive') this.#recorder.stop();
    // A stream handed in (the call's mix) belongs to its giver; the microphone's tracks are ours to stop.
    if (this.source === 'voice') for (const track of this.#stream?.getTracks() ?? []) track.stop();
    this.#recorder = null;
    this.source = null;
    this.#stream = null;
    if (this.state === 'recording' || this.state === 'starting') this.state = 'off';
  }

  /** Stops, then waits (up to `waitMs`) for the uploads to finish: before the session is submitted. */
  async finish(waitMs = 5_000): Promise<void> {
    this.stop();
    await new Promise((resolve) => setTimeout(resolve, 50));
    await Promise.race([this.uploader.kick(), new Promise((resolve) => setTimeout(resolve, waitMs))]);
  }

  /** The page is being left: hand over the chunk under way, so only what the next page misses is lost. */
  flush(): void {
    if (this.#recorder?.state === 'recording') this.#recorder.requestData();
  }

  destroy(): void {
    // Leaving the page is not stopping: a reload resumes (a new segment).
    if (this.#recorder) this.stop(false);
    this.uploader.close();
  }
}
