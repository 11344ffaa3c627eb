/** TypeScript's diagnostics as the warnings shown beside a run. */
import { describe, expect, it } from 'vitest';
import { typeWarnings, MAX_TYPE_WARNINGS, type TsDiagnostic } from './type-warnings.ts';

/** Offsets in "line 1\nline 2\n…": ten characters a line. */
const positionAt = (offset: number) => ({ lineNumber: Math.floor(offset / 10) + 1, column: (offset % 10) + 1 });
const error = (start: number, messageText: TsDiagnostic['messageText'], code = 2322): TsDiagnostic => ({
  start,
  length: 3,
  messageText,
  category: 1,
  code
});

describe('type warnings', () => {
  it('keeps errors and warnings, not suggestions or messages, in the order of the code, each once', () => {
    const warnings = typeWarnings(
      [
        error(25, "Type 'string' is not assignable to type 'number'."),
        { ...error(3, 'Unused.'), category: 2 },
        { ...error(4, 'A message.'), category: 3 },
        error(2, "Cannot find name 'foo'.", 2304),
        error(25, "Type 'string' is not assignable to type 'number'."),
        { ...error(11, 'Deprecated.'), category: 0, code: 6385 }
      ],
      positionAt
    );
    expect(warnings).toEqual([
      { line: 1, column: 3, message: "TS2304: Cannot find name 'foo'." },
      { line: 2, column: 2, message: 'TS6385: Deprecated.' },
      { line: 3, column: 6, message: "TS2322: Type 'string' is not assignable to type 'number'." }
    ]);
  });

  it('joins a chained message', () => {
    const chain = {
      messageText: "Argument of type 'string' is not assignable.",
      next: [{ messageText: 'Types differ.' }]
    };
    expect(typeWarnings([error(0, chain, 2345)], positionAt)[0]!.message).toBe(
      "TS2345: Argument of type 'string' is not assignable. Types differ."
    );
  });

  it(`shows ${MAX_TYPE_WARNINGS} at most`, () => {
    const many = Array.from({ length: 30 }, (_, i) => error(i * 10, `Error ${i}.`));
    expect(typeWarnings(many, positionAt)).toHaveLength(MAX_TYPE_WARNINGS);
  });
});
