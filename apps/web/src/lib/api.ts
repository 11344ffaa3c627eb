/** The browser's client for /api: JSON in and out, errors turned into `ApiRequestError` with the server's code and fields. */
import { error } from '@sveltejs/kit';
import { errorBodySchema, type ErrorCode } from '@mockloop/contracts';

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
  const parsed = errorBodySchema.safeParse(payload);
  if (parsed.success) {
    const { code, message, fields } = parsed.data.error;
    throw new ApiRequestError(response.status, code, message, fields);
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
