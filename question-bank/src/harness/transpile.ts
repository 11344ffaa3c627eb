/**
 * TypeScript to JavaScript for the candidate's code, with sucrase: it strips types without a type check and
 * keeps every line where it was, so an error's line number is the line the candidate wrote. Small enough to
 * run in the browser's worker as well as in Node.
 */
import { transform } from 'sucrase';

export function transpileTypeScript(code: string): string {
  return transform(code, { transforms: ['typescript'], disableESTransforms: true }).code;
}
