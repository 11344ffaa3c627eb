/** Small builders for route declarations, so each route file says only what is particular to it. */
import { errorBodySchema } from '@mockloop/contracts';
import { OpenAPIHono } from '@hono/zod-openapi';
import type { ZodType } from 'zod';
import type { AppEnv } from '../env.ts';
import { validationError } from '../errors.ts';

/** A required JSON request body (required: without it @hono/zod-openapi skips validation for other content types). */
export function jsonBody<T extends ZodType>(schema: T) {
  return { required: true, content: { 'application/json': { schema } } } as const;
}

export function jsonResponse<T extends ZodType>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } } as const;
}

const errorDescriptions = {
  400: 'Invalid input: every failing field is named',
  401: 'Not signed in',
  403: 'Refused',
  404: 'Not found',
  409: 'Conflict with the current state',
  413: 'Body too large',
  415: 'Body is not JSON',
  429: 'Too many attempts; see Retry-After',
  503: 'The database is not answering (restarting); see Retry-After'
} as const;

/** The error answers a route documents; every route can answer 503 while the database restarts. */
export function errorResponses<S extends keyof typeof errorDescriptions>(...statuses: S[]) {
  return Object.fromEntries(
    [...statuses, 503 as const].map((status) => [status, jsonResponse(errorBodySchema, errorDescriptions[status])])
  ) as { [K in S | 503]: ReturnType<typeof jsonResponse<typeof errorBodySchema>> };
}

/**
 * A router whose validation failures leave as our 400 with every failing field named,
 * instead of @hono/zod-openapi's default body.
 */
export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw validationError(result.error, result.target === 'json' ? 'body' : result.target);
    }
  });
}
