/**
 * Run and Submit on the coding page: Run judges the examples (and the candidate's own input) in the browser's
 * sandbox; Submit asks the server for the hidden tests, judges them the same way and stores the verdicts.
 */
import type { PublicCodingQuestion, RunBody } from '@mockloop/contracts';
import { api, ApiRequestError } from '../api.ts';
import type { CaseResult, CodeRunner, Language } from './runner.ts';

export type ResultRow = CaseResult & { label: string };
export interface Results {
  title: string;
  rows: ResultRow[];
  summary: string;
}

/** A verdict in the words LeetCode uses. */
export function describe(result: CaseResult): string {
  if (result.verdict === 'timeout') return 'Time Limit Exceeded';
  if (result.verdict === 'error')
    return `Error${result.error?.line ? ` on line ${result.error.line}` : ''}: ${result.error?.message}`;
  return result.verdict === 'pass' ? 'Passed' : 'Wrong answer';
}

/** One case of a Run as the interviewer reads it: the verdict, the time, and the error or the value returned. */
function runCase(result: CaseResult): Omit<RunBody['cases'][number], 'label'> {
  const detail =
    result.verdict === 'error' || result.verdict === 'timeout'
      ? describe(result)
      : `returned ${JSON.stringify(result.actual) ?? 'undefined'}`;
  return { verdict: result.verdict, ms: Math.min(600_000, result.ms), detail: detail.slice(0, 500) };
}

export class Judging {
  running = $state<'run' | 'submit' | null>(null);
  results = $state<Results | null>(null);
  inputError = $state('');

  constructor(
    private readonly sessionId: string,
    private readonly question: PublicCodingQuestion,
    private readonly runner: CodeRunner
  ) {}

  /** The examples, plus `customInput` (the argument list as JSON) when given; the results as the room takes them. */
  async run(language: Language, code: string, customInput: string): Promise<RunBody | null> {
    this.inputError = '';
    const tests: { input: unknown; expected: unknown; label: string }[] = this.question.examples.map((e, i) => ({
      input: e.input,
      expected: e.expected,
      label: `Example ${i + 1}`
    }));
    if (customInput.trim()) {
      try {
        tests.push({ input: JSON.parse(customInput), expected: null, label: 'Your input' });
      } catch {
        this.inputError = 'Custom input must be JSON: the argument list, e.g. [[2, 7, 11, 15], 9].';
        return null;
      }
    }
    this.running = 'run';
    this.results = { title: 'Run', rows: [], summary: 'Running…' };
    const rows = await this.runner.run(language, code, this.question, tests, (index, result) => {
      this.results!.rows.push({ ...result, label: tests[index]!.label });
    });
    const examples = rows.slice(0, this.question.examples.length);
    this.results.summary = `${examples.filter((r) => r.verdict === 'pass').length} of ${examples.length} examples pass`;
    this.running = null;
    return { language, cases: rows.map((row, i) => ({ ...runCase(row), label: tests[i]!.label })) };
  }

  /** What is judged is what was submitted, even if the candidate edits or switches language meanwhile. */
  async submit(submitted: { language: Language; code: string }, beforeSubmit: () => Promise<void>): Promise<void> {
    this.running = 'submit';
    await beforeSubmit();
    try {
      const submission = await api<{ n: number; tests: { input: unknown; expected: unknown }[] }>(
        'POST',
        `/api/sessions/${this.sessionId}/submissions`,
        submitted
      );
      this.results = {
        title: `Submission ${submission.n}`,
        rows: [],
        summary: `Running ${submission.tests.length} hidden tests…`
      };
      const rows = await this.runner.run(
        submitted.language,
        submitted.code,
        this.question,
        submission.tests,
        (index, result) => {
          this.results!.rows.push({ ...result, label: `Hidden test ${index + 1}` });
        }
      );
      const stored = await api<{ passed: number; total: number }>(
        'PUT',
        `/api/sessions/${this.sessionId}/submissions/${submission.n}/result`,
        { results: rows.map((r) => ({ verdict: r.verdict, ms: Math.round(r.ms * 100) / 100 })) }
      );
      this.results.summary = `${stored.passed} of ${stored.total} hidden tests pass`;
    } catch (error) {
      this.results = {
        title: 'Submit',
        rows: [],
        summary: error instanceof ApiRequestError ? error.message : 'Could not submit.'
      };
    } finally {
      this.running = null;
    }
  }
}
