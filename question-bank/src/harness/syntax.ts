/**
 * Where a JavaScript or TypeScript syntax error is, as line and column (both from 1) in the candidate's code.
 * V8's SyntaxError from `new Function` carries no position, so the code is parsed once more with sucrase, which
 * already strips TypeScript's types here and reports a position with every parse error.
 */
import { transform } from 'sucrase';

export interface SourcePosition {
  line: number;
  column: number;
}

/** The position a sucrase parse error names, if it is one. */
export function parsePosition(error: unknown): SourcePosition | undefined {
  const loc = (error as { loc?: { line?: unknown; column?: unknown } } | null)?.loc;
  return typeof loc?.line === 'number' && typeof loc.column === 'number'
    ? { line: loc.line, column: loc.column }
    : undefined;
}

/** The first syntax error's position, or undefined when sucrase parses the code (V8 may still refuse it). */
export function locateSyntaxError(code: string, language: 'javascript' | 'typescript'): SourcePosition | undefined {
  try {
    transform(code, { transforms: language === 'typescript' ? ['typescript'] : [], disableESTransforms: true });
    return undefined;
  } catch (error) {
    return parsePosition(error);
  }
}
