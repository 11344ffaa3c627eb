/**
 * The messages between the trusted page and the code sandbox's worker. Expected outputs never appear here:
 * the page judges the outputs it receives. The worker runs the candidate's code, so the page validates every
 * reply (`responses.ts`) and treats it as untrusted data.
 */
export const SANDBOX_LANGUAGES = ['javascript', 'typescript', 'python'] as const;
export type SandboxLanguage = (typeof SANDBOX_LANGUAGES)[number];

/** Page → worker. `signature` is the problem's signature only (no comparator, no tests). */
export type SandboxRequest =
  { id: number; type: 'load' } | { id: number; type: 'call'; code: string; signature: unknown; input: unknown };

/** Worker → page, as the worker means to send it (`responses.ts` checks what actually arrives). */
export type SandboxReply =
  | { id: number; type: 'loaded' }
  | {
      id: number;
      type: 'called';
      ok: boolean;
      value?: unknown;
      stdout: string;
      error?: { message: string; line?: number };
    }
  | { id: number; type: 'failed'; message: string };
