/** What the page accepts from a sandbox: anything else it receives on the channel is dropped. */
import { z } from 'zod';

/** Output kept per call: enough to debug, never enough to flood the page. */
const STDOUT_LIMIT = 20_000;
const MESSAGE_LIMIT = 2_000;
const SNAPSHOT_LIMIT = 256 * 1024 * 1024;
const capped = (limit: number) => z.string().transform((text) => text.slice(0, limit));
const position = z.number().int().positive().optional();
const codeError = z.object({ message: capped(MESSAGE_LIMIT), line: position, column: position });

export const sandboxResponse = z.discriminatedUnion('type', [
  z.object({
    id: z.number().int(),
    type: z.literal('loaded'),
    // Pyodide's memory after its boot (31 MiB for Pyodide 314): only ever handed to another sandbox.
    snapshot: z
      .instanceof(ArrayBuffer)
      .refine((bytes) => bytes.byteLength <= SNAPSHOT_LIMIT)
      .optional()
      .catch(undefined),
    restored: z.boolean().optional().catch(undefined)
  }),
  z.object({ id: z.number().int(), type: z.literal('prepared'), error: codeError.optional() }),
  z.object({
    id: z.number().int(),
    type: z.literal('called'),
    ok: z.boolean(),
    value: z.unknown().optional(),
    stdout: capped(STDOUT_LIMIT),
    error: codeError.optional()
    // Any `ms` the worker adds is dropped: the page times each call (runner.ts).
  }),
  z.object({ id: z.number().int(), type: z.literal('looped') }),
  z.object({ id: z.number().int(), type: z.literal('failed'), message: capped(MESSAGE_LIMIT) })
]);
export type SandboxResponse = z.infer<typeof sandboxResponse>;
