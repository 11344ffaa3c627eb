/**
 * The page's handle on one code sandbox: a hidden `sandbox="allow-scripts"` iframe (an opaque origin, never
 * `allow-same-origin`) whose worker runs one language, started from the script and files the page sends. The page talks to it over a MessagePort of its own, so
 * no other frame can speak on that channel, and it validates every reply. `destroy()` removes the iframe,
 * which ends its worker however busy it is: that is how a run past its time limit is stopped.
 */
import { version } from '$app/environment';
import { SANDBOX_DOCUMENT } from '@mockloop/contracts/sandbox';
import { sandboxAssets } from './assets.ts';
import type { SandboxLanguage, SandboxRequest } from './protocol.ts';
import { sandboxResponse, type SandboxResponse } from './responses.ts';

type Pending = { resolve(response: SandboxResponse | 'timeout'): void; timer: ReturnType<typeof setTimeout> };
type Outgoing = SandboxRequest extends infer R ? (R extends unknown ? Omit<R, 'id'> : never) : never;

export class Sandbox {
  private readonly frame: HTMLIFrameElement;
  private readonly port: MessagePort;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private destroyed = false;

  /** `onProgress` hears the download of the language's files (Python's), then that the runtime is starting. */
  constructor(
    readonly language: SandboxLanguage,
    onProgress?: (progress: { stage: 'downloading'; bytes: number } | { stage: 'starting' }) => void
  ) {
    const channel = new MessageChannel();
    this.port = channel.port1;
    this.port.onmessage = (event) => this.receive(event.data);
    const frame = document.createElement('iframe');
    frame.setAttribute('sandbox', 'allow-scripts');
    frame.setAttribute('aria-hidden', 'true');
    frame.tabIndex = -1;
    frame.title = 'Code runner';
    frame.hidden = true;
    frame.dataset.sandbox = language;
    frame.src = `${SANDBOX_DOCUMENT}?v=${encodeURIComponent(version)}`;
    const assets = sandboxAssets(language, onProgress && ((bytes) => onProgress({ stage: 'downloading', bytes })));
    // An opaque origin can only be addressed as '*'; the port travels with this one message.
    frame.addEventListener(
      'load',
      () =>
        void assets.then(
          ({ workerSource, files, snapshot }) => {
            frame.contentWindow?.postMessage({ language, workerSource, files, snapshot }, '*', [channel.port2]);
            onProgress?.({ stage: 'starting' });
          },
          () => this.destroy()
        ),
      { once: true }
    );
    document.body.append(frame);
    this.frame = frame;
  }

  private receive(data: unknown): void {
    const parsed = sandboxResponse.safeParse(data);
    if (!parsed.success) return;
    const waiting = this.pending.get(parsed.data.id);
    if (!waiting) return;
    this.pending.delete(parsed.data.id);
    clearTimeout(waiting.timer);
    waiting.resolve(parsed.data);
  }

  /** Sends one request; resolves with the validated reply, or 'timeout' (the sandbox is then destroyed). */
  request(message: Outgoing, limitMs: number): Promise<SandboxResponse | 'timeout'> {
    if (this.destroyed) return Promise.resolve('timeout');
    const id = this.nextId++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        this.destroy();
        resolve('timeout');
      }, limitMs);
      this.pending.set(id, { resolve, timer });
      this.port.postMessage({ ...message, id } as SandboxRequest);
    });
  }

  get alive(): boolean {
    return !this.destroyed;
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.port.close();
    this.frame.remove();
    for (const [id, waiting] of this.pending) {
      clearTimeout(waiting.timer);
      waiting.resolve('timeout');
      this.pending.delete(id);
    }
  }
}
