/**
 * Run and Submit on the coding page: Run judges the examples (and the candidate's own input, which shows its
 * output only) in the browser's sandbox; Submit asks the server for the hidden tests and the performance tests'
 * seeds, judges the examples, then those, the same way (stopping at the first failing example or Time Limit
 * Exceeded) and stores the hidden and performance tests' verdicts. A compile
 * error is one line, marked in the editor where it is.
 */
import type { PublicCodingQuestion, RunBody } from '@mockloop/contracts';
import { api, ApiRequestError, call } from '../api.ts';
import { customCase, ladderCases, performanceCases, testCases } from './cases.ts';
import type { CaseResult, Judged, JudgeCase, LadderCases } from './judge.ts';
import type { CodeRunner, Language } from './runner.ts';
import type { CodeError } from './sandbox/protocol.ts';
import type { TypeWarning } from './type-warnings.ts';

export interface Results {
  title: string;
  rows: CaseResult[];
  summary: string;
  compileError: CodeError | null;
  /** Submit shows the first failing hidden test only, as LeetCode does; Run shows every failing example. */
  details: 'first' | 'every';
  /** TypeScript's type errors in the code that ran, shown beside the results as warnings (the code still runs). */
  typeWarnings?: TypeWarning[];
}

/** An error the editor marks: where it is and what it says. */
export type Mark = { line: number; column?: number; message: string };

/** " on line 3, column 24", or nothing when the position is unknown. */
export function where(error: CodeError | undefined): string {
  if (!error?.line) return '';
  return ` on line ${error.line}${error.column ? `, column ${error.column}` : ''}`;
}

const WORDS = {
  pass: 'Passed',
  fail: 'Wrong Answer',
  error: 'Runtime Error',
  timeout: 'Time Limit Exceeded',
  notRun: 'Not run',
  output: 'Output',
  busy: 'Machine busy'
} as const;

/** A verdict in the words LeetCode uses. */
export function describe(result: CaseResult): string {
  if (result.verdict === 'timeout' || result.verdict === 'busy') return result.error?.message ?? WORDS[result.verdict];
  if (result.verdict === 'error') return `${WORDS.error}${where(result.error)}: ${result.error?.message ?? ''}`;
  return WORDS[result.verdict];
}

/** The run's verdict: its first test that did not pass decides it, as on LeetCode. */
function headline(judged: Judged): string {
  if (judged.compileError) return 'Compile Error';
  const first = judged.results.find((r) => r.verdict !== 'pass' && r.verdict !== 'output');
  return first ? WORDS[first.verdict] : 'Accepted';
}

/** One case of a Run as the interviewer reads it: the verdict, the time, and the error or the value returned. */
function runCase(result: CaseResult): Omit<RunBody['cases'][number], 'label'> {
  const detail =
    result.verdict === 'pass' || result.verdict === 'fail' || result.verdict === 'output'
      ? `returned ${result.shown?.actual ?? '(as expected)'}`
      : describe(result);
  // A busy machine's time-out is not the code's: the interviewer sees it as not run, with why.
  const verdict = result.verdict === 'busy' ? 'notRun' : result.verdict;
  return { verdict, ms: Math.min(600_000, result.ms), detail: detail.slice(0, 500) };
}

const passed = (rows: CaseResult[]) => rows.filter((r) => r.verdict === 'pass').length;

export class Judging {
  running = $state<'run' | 'submit' | null>(null);
  results = $state<Results | null>(null);
  inputError = $state('');

  constructor(
    private readonly sessionId: string,
    private readonly question: PublicCodingQuestion,
    private readonly runner: CodeRunner,
    /** Marks the compile error (or the first runtime error's line) in the editor; [] clears the marks. */
    private readonly mark: (marks: Mark[]) => void = () => {},
    /** TypeScript's type errors in the editor's code (Monaco's TypeScript worker), shown beside a TypeScript run. */
    private readonly typeCheck: () => Promise<TypeWarning[]> = async () => []
  ) {}

  /** Checked while the code runs, shown once both are done. */
  private warnings(language: Language): Promise<TypeWarning[]> {
    return language === 'typescript' ? this.typeCheck().catch(() => []) : Promise.resolve([]);
  }

  private async judge(
    language: Language,
    code: string,
    cases: JudgeCase[],
    gate = 0,
    ladder: LadderCases | null = null
  ): Promise<Judged> {
    this.mark([]);
    const judged = await this.runner.judge(
      language,
      code,
      this.question,
      cases,
      (_, result) => {
        this.results?.rows.push(result);
      },
      // Submit (the one with a gate) times the machine's calibration loop first.
      { gate, measureMachine: gate > 0, ...(ladder ? { ladder } : {}) }
    );
    const failed = judged.compileError ?? judged.results.find((r) => r.error?.line)?.error;
    if (failed?.line) this.mark([{ line: failed.line, column: failed.column, message: failed.message }]);
    if (this.results) this.results.compileError = judged.compileError;
    return judged;
  }

  /** The examples, plus `customInput` (the argument list as JSON) when given. */
  async run(language: Language, code: string, customInput: string): Promise<RunBody | null> {
    this.inputError = '';
    const { examples, comparator } = this.question;
    const cases = testCases(comparator, examples, (i) => `Example ${i + 1}`);
    if (customInput.trim()) {
      try {
        cases.push(customCase(JSON.parse(customInput)));
      } catch {
        this.inputError = 'Custom input must be JSON: the argument list, e.g. [[2, 7, 11, 15], 9].';
        return null;
      }
    }
    this.running = 'run';
    this.results = { title: 'Run', rows: [], summary: 'Running…', compileError: null, details: 'every' };
    const warnings = this.warnings(language);
    const judged = await this.judge(language, code, cases);
    this.results.typeWarnings = await warnings;
    const shown = judged.results.slice(0, examples.length);
    const verdict = headline(judged);
    this.results.summary =
      `${passed(shown)} of ${shown.length} examples pass` + (verdict === 'Accepted' ? '' : ` · ${verdict}`);
    this.running = null;
    return { language, cases: judged.results.map((row) => ({ ...runCase(row), label: row.label })) };
  }

  /** What is judged is what was submitted, even if the candidate edits or switches language meanwhile. */
  async submit(submitted: { language: Language; code: string }, beforeSubmit: () => Promise<void>): Promise<void> {
    this.running = 'submit';
    await beforeSubmit();
    try {
      const submissions = api.sessions[':id'].submissions;
      const param = { id: this.sessionId };
      const submission = await call(submissions.$post({ param, json: submitted }));
      const warnings = this.warnings(submitted.language);
      const { id, comparator, examples } = this.question;
      // Everything the candidate was shown first, then the hidden tests and the performance tests: a solution
      // that fails an example is not Accepted because the hidden tests happen to miss its mistake.
      const shown = testCases(comparator, examples, (i) => `Example ${i + 1}`);
      const hidden = testCases(comparator, submission.tests, (i) => `Hidden test ${i + 1}`);
      // Judged as a ladder by growth where the problem declares its class, else each under the time limit.
      const ladder = ladderCases(id, comparator, submission.performance, this.question, submitted.language);
      const performance = ladder ? [] : performanceCases(id, comparator, submission.performance);
      const performanceCount = submission.performance.length;
      this.results = {
        title: `Submission ${submission.n}`,
        rows: [],
        summary: `Running ${shown.length} examples, ${hidden.length} hidden and ${performanceCount} performance tests…`,
        compileError: null,
        details: 'first'
      };
      const judged = await this.judge(
        submitted.language,
        submitted.code,
        [...shown, ...hidden, ...performance],
        shown.length,
        ladder
      );
      this.results.typeWarnings = await warnings;
      // The server records the hidden and performance tests it handed out: after a failing example they are
      // "not run", so the record is never a pass the page did not show.
      const ofShown = judged.results.slice(0, shown.length);
      const ofHidden = judged.results.slice(shown.length, shown.length + hidden.length);
      const ofPerformance = judged.results.slice(shown.length + hidden.length);
      const results = [...ofHidden, ...ofPerformance].map((r) => ({
        // Busy is not the code's verdict: recorded as not run.
        verdict: r.verdict === 'output' ? ('fail' as const) : r.verdict === 'busy' ? ('notRun' as const) : r.verdict,
        ms: Math.round(r.ms * 100) / 100
      }));
      await call(submissions[':n'].result.$put({ param: { ...param, n: String(submission.n) }, json: { results } }));
      this.results.summary = [
        `${passed(ofHidden)} of ${hidden.length} hidden tests pass`,
        ...(performanceCount ? [`${passed(ofPerformance)} of ${performanceCount} performance tests pass`] : []),
        `${passed(ofShown)} of ${shown.length} examples pass`,
        headline(judged)
      ].join(' · ');
    } catch (error) {
      this.results = {
        title: 'Submit',
        rows: [],
        summary: error instanceof ApiRequestError ? error.message : 'Could not submit.',
        compileError: null,
        details: 'first'
      };
    } finally {
      this.running = null;
    }
  }
}
