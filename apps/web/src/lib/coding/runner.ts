/**
 * Runs the candidate's code on tests and judges it. The code runs in a sandbox (an opaque-origin iframe with
 * a worker, one per language, kept alive between runs); only each test's input goes in, and the output that
 * comes back is compared with the expected one here, in the page. A test that runs past its time limit ends
 * its sandbox (Time Limit Exceeded) and a fresh one takes its place.
 */
import type { ConfirmationBody } from '@mockloop/contracts';
import type { Problem } from '@mockloop/question-bank/harness';
import { judgeCase } from '@mockloop/question-bank/harness/run';
import { prefetchSandbox } from './sandbox/assets.ts';
import { Sandbox } from './sandbox/host.ts';
import type { SandboxLanguage } from './sandbox/protocol.ts';
import type { SandboxResponse } from './sandbox/responses.ts';

export type Language = SandboxLanguage;
export interface CaseResult {
  verdict: 'pass' | 'fail' | 'error' | 'timeout';
  actual?: unknown;
  stdout: string;
  error?: { message: string; line?: number };
  ms: number;
}

export type ConfirmationOutcome = ConfirmationBody['outcomes'][number];

export const TIME_LIMIT_MS = 2000;
/** Loading Python the first time takes seconds; that is not the candidate's code running. */
const LOAD_LIMIT_MS = 120_000;

function errorMessage(response: SandboxResponse): string {
  if (response.type === 'failed') return response.message;
  if (response.type === 'called') return response.error?.message ?? 'Error';
  return 'No result.';
}

export class CodeRunner {
  private readonly sandboxes = new Map<Language, { sandbox: Sandbox; loaded: Promise<void> }>();

  constructor() {
    prefetchSandbox();
  }

  private sandboxFor(language: Language): { sandbox: Sandbox; loaded: Promise<void> } {
    const current = this.sandboxes.get(language);
    if (current?.sandbox.alive) return current;
    const sandbox = new Sandbox(language);
    const loaded = sandbox.request({ type: 'load' }, LOAD_LIMIT_MS).then((response) => {
      if (response === 'timeout' || response.type !== 'loaded') {
        sandbox.destroy();
        throw new Error(`Could not load ${language}.`);
      }
    });
    const entry = { sandbox, loaded };
    this.sandboxes.set(language, entry);
    return entry;
  }

  /** Loads the language's runtime (Pyodide for Python) before any test is timed. */
  load(language: Language): Promise<void> {
    return this.sandboxFor(language).loaded;
  }

  async run(
    language: Language,
    code: string,
    problem: Problem,
    tests: { input: unknown; expected: unknown }[],
    onResult?: (index: number, result: CaseResult) => void
  ): Promise<CaseResult[]> {
    const results: CaseResult[] = [];
    for (const [index, test] of tests.entries()) {
      const result = await this.runOne(language, code, problem, test);
      results.push(result);
      onResult?.(index, result);
    }
    return results;
  }

  /**
   * The code's output on each input, judged nowhere here: a reviewer's browser sends these to the server, which
   * holds the expected outputs of the confirmation tests.
   */
  async outputs(language: Language, code: string, problem: Problem, inputs: unknown[]): Promise<ConfirmationOutcome[]> {
    const outcomes: ConfirmationOutcome[] = [];
    for (const input of inputs) {
      const { response } = await this.call(language, code, problem, input);
      outcomes.push(
        response === 'timeout'
          ? { kind: 'timeout' }
          : response.type === 'called' && response.ok
            ? { kind: 'output', value: response.value ?? null }
            : { kind: 'error', message: errorMessage(response) }
      );
    }
    return outcomes;
  }

  private async runOne(
    language: Language,
    code: string,
    problem: Problem,
    test: { input: unknown; expected: unknown }
  ): Promise<CaseResult> {
    const { response, ms } = await this.call(language, code, problem, test.input);
    if (response === 'timeout') {
      return {
        verdict: 'timeout',
        stdout: '',
        error: { message: `Time Limit Exceeded (${TIME_LIMIT_MS / 1000} s)` },
        ms
      };
    }
    if (response.type !== 'called')
      return { verdict: 'error', stdout: '', error: { message: errorMessage(response) }, ms };
    const outcome = response.ok
      ? { ok: true as const, value: response.value, stdout: response.stdout }
      : { ok: false as const, stdout: response.stdout, error: response.error ?? { message: 'Error' } };
    return judgeCase(problem, outcome, test.expected, ms);
  }

  /** One call of the code in the language's sandbox, timed here; a load failure reads as a failed call. */
  private async call(
    language: Language,
    code: string,
    problem: Problem,
    input: unknown
  ): Promise<{ response: SandboxResponse | 'timeout'; ms: number }> {
    const { sandbox, loaded } = this.sandboxFor(language);
    try {
      await loaded;
    } catch (error) {
      return { response: { id: 0, type: 'failed', message: (error as Error).message }, ms: 0 };
    }
    const started = performance.now();
    const response = await sandbox.request({ type: 'call', code, signature: problem.signature, input }, TIME_LIMIT_MS);
    // After a time-out the next call gets a fresh sandbox; Python's starts loading now rather than then.
    if (response === 'timeout' && language === 'python') void this.load(language).catch(() => {});
    return { response, ms: performance.now() - started };
  }

  dispose(): void {
    for (const { sandbox } of this.sandboxes.values()) sandbox.destroy();
    this.sandboxes.clear();
  }
}
