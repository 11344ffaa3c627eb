/** The browser's client for /api: JSON in and out, errors turned into `ApiRequestError` with the server's code and fields. */
import { error } from '@sveltejs/kit';
import type { ErrorBody, ErrorCode } from '@mockloop/contracts';

export class ApiRequestError extends Error {
  override name = 'ApiRequestError';
  constructor(
    readonly status: number,
    readonly code: ErrorCode | 'NETWORK',
    message: string,
    readonly fields: Record<string, string> = {}
  ) {
    super(message);
  }
}

/**
 * @example
 * const { user } = await api<UserResponse>('POST', '/api/auth/signin', { email, password });
 */
export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? null : JSON.stringify(body),
      credentials: 'same-origin'
    });
  } catch {
    throw new ApiRequestError(0, 'NETWORK', 'Cannot reach MockLoop. Check your connection and try again.');
  }
  const payload: unknown = await response.json().catch(() => null);
  if (response.ok) return payload as T;
  if (isErrorBody(payload)) {
    const { code, message, fields } = payload.error;
    throw new ApiRequestError(response.status, code, message, fields ?? {});
  }
  throw new ApiRequestError(response.status, 'INTERNAL', `Unexpected response (${response.status}).`);
}

/** For page loads: an API error becomes SvelteKit's error page with the server's status and message. */
export async function load<T>(path: string): Promise<T> {
  try {
    return await api<T>('GET', path);
  } catch (e) {
    if (e instanceof ApiRequestError && e.status >= 400 && e.status < 500) error(e.status, e.message);
    throw e;
  }
}

/**
 * The server's error shape (`errorBodySchema` in contracts), checked by hand: validating it with zod here would
 * put zod and every schema into each page's bundle.
 */
function isErrorBody(payload: unknown): payload is ErrorBody {
  const error = (payload as { error?: unknown } | null)?.error as Record<string, unknown> | undefined;
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof error.code === 'string' &&
    typeof error.message === 'string' &&
    (error.fields === undefined || (typeof error.fields === 'object' && error.fields !== null))
  );
}
