/**
 * The browser's typed client for /api, built by Hono's `hc` from the API's own chained routes (`ApiRoutes`):
 * each call's path, params, query, body and answer are the route's, so a changed route breaks the build here.
 * Errors become `ApiRequestError` with the server's code and fields. Only types cross over: no zod in a page.
 */
import { error } from '@sveltejs/kit';
import { hc, type ClientResponse } from 'hono/client';
import type { SuccessStatusCode } from 'hono/utils/http-status';
import type { ApiRoutes } from '@mockloop/api/routes';
import type { ErrorBody, ErrorCode } from '@mockloop/contracts';

export class ApiRequestError extends Error {
  override name = 'ApiRequestError';
  constructor(
    readonly status: number,
    readonly code: ErrorCode | 'NETWORK',
    message: string,
    readonly fields: Record<string, string> = {},
    /** The body as the server sent it (a stale save's 409 CONFLICT also carries the current work). */
    readonly payload: unknown = null
  ) {
    super(message);
  }
}

/**
 * Every route of /api, typed. Pass a call to `call` (or to `load` in a page load).
 *
 * @example
 * const { user } = await call(api.auth.signin.$post({ json: { email, password } }));
 */
export const api = hc<ApiRoutes>('/api', { init: { credentials: 'same-origin' } });

type AnyResponse = ClientResponse<unknown, number, 'json' | 'text'>;
/** What a call answers when it succeeds: the body of its 2xx responses. */
export type Answer<R extends AnyResponse> =
  R extends ClientResponse<infer T, infer S, infer _F> ? (S extends SuccessStatusCode ? T : never) : never;

/** Waits for a call and returns its 2xx body; anything else throws `ApiRequestError`. */
export async function call<R extends AnyResponse>(request: Promise<R>): Promise<Answer<R>> {
  let response: AnyResponse;
  try {
    response = await request;
  } catch {
    throw new ApiRequestError(0, 'NETWORK', 'Cannot reach MockLoop. Check your connection and try again.');
  }
  const payload: unknown = await response.json().catch(() => null);
  if (response.ok) return payload as Answer<R>;
  if (isErrorBody(payload)) {
    const { code, message, fields } = payload.error;
    throw new ApiRequestError(response.status, code, message, fields ?? {}, payload);
  }
  throw new ApiRequestError(response.status, 'INTERNAL', `Unexpected response (${response.status}).`);
}

/** For page loads: an API error becomes SvelteKit's error page with the server's status and message. */
export async function load<R extends AnyResponse>(request: Promise<R>): Promise<Answer<R>> {
  try {
    return await call(request);
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
