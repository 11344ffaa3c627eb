/** The API's one error type, and its translation into the one JSON shape clients see. */
import type { ErrorBody, ErrorCode } from '@mockloop/contracts';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ZodError } from 'zod';

export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
    readonly headers?: Record<string, string>,
    /** What the body carries beside `error`: a stale autosave's 409 carries the current work (`current`). */
    readonly extra?: Record<string, unknown>
  ) {
    super(message);
  }

  toBody(): ErrorBody {
    const error = { code: this.code, message: this.message, ...(this.fields ? { fields: this.fields } : {}) };
    return { ...this.extra, error };
  }
}

/** Every failing field, named by its dot-separated path ("ratings.scope"), with the first message for it. */
export function fieldErrors(error: ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    // An unknown key is named itself ("ratings.charisma"), not only the object holding it.
    const paths = issue.code === 'unrecognized_keys' ? issue.keys.map((key) => [...issue.path, key]) : [issue.path];
    for (const path of paths) {
      const key = path.length > 0 ? path.map(String).join('.') : '(body)';
      fields[key] ??= issue.code === 'unrecognized_keys' ? 'Unknown field' : issue.message;
    }
  }
  return fields;
}

export function validationError(error: ZodError, where: string): ApiError {
  const fields = fieldErrors(error);
  const names = Object.keys(fields).join(', ');
  return new ApiError(400, 'VALIDATION_FAILED', `Some ${where} fields are invalid: ${names}.`, fields);
}

export const notFound = (what = 'That resource'): ApiError => new ApiError(404, 'NOT_FOUND', `${what} was not found.`);
