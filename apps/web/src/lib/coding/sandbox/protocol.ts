/**
 * The messages between the trusted page and the code sandbox's worker. Expected outputs never appear here:
 * the page judges the outputs it receives. The worker runs the candidate's code, so the page validates every
 * reply (`responses.ts`) and treats it as untrusted data.
 */
export const SANDBOX_LANGUAGES = ['javascript', 'typescript', 'python'] as const;
export type SandboxLanguage = (typeof SANDBOX_LANGUAGES)[number];

/** Where an error is in the candidate's code (line and column from 1), when it is known. */
export interface CodeError {
  message: string;
  line?: number;
  column?: number;
}

/**
 * Page → worker. `signature` is the problem's signature only (no comparator, no tests). A call carries the code
 * too, so a sandbox started afresh after a time-out prepares it again; `vary` calls once per element of that
 * argument (a performance test's many queries on one large input).
 */
export type SandboxRequest =
  | { id: number; type: 'load' }
  | { id: number; type: 'prepare'; code: string; signature: unknown }
  | {
      id: number;
      type: 'call';
      code: string;
      signature: unknown;
      input: unknown;
      vary?: number;
      /** Call this many times on the same input (a call too fast to time alone). */
      repeat?: number;
    }
  /** The calibration loop, timed by the page: what this worker's time is worth now. */
  | { id: number; type: 'loop' };

/** Worker → page, as the worker means to send it (`responses.ts` checks what actually arrives). */
export type SandboxReply =
  /**
   * Ready; a Python sandbox that booted sends Pyodide's memory as booted, for the next sandboxes to restore, and
   * one that restored it says so.
   */
  | { id: number; type: 'loaded'; snapshot?: ArrayBuffer; restored?: boolean }
  /** The code compiled and defines the entry point, or the error that stopped it (reported once per run). */
  | { id: number; type: 'prepared'; error?: CodeError }
  /** No time: the page times each call itself (a time the worker sent could be the candidate's). */
  | { id: number; type: 'called'; ok: boolean; value?: unknown; stdout: string; error?: CodeError }
  | { id: number; type: 'looped' }
  | { id: number; type: 'failed'; message: string };
