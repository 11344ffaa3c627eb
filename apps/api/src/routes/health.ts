/** GET /api/health: is the app up, and which database answered. */
import { createRoute } from '@hono/zod-openapi';
import { healthSchema } from '@mockloop/contracts';
import { createRouter, jsonResponse } from './openapi.ts';

const health = createRoute({
  method: 'get',
  path: '/health',
  tags: ['system'],
  responses: {
    200: jsonResponse(healthSchema, 'The app and its database answer'),
    503: jsonResponse(healthSchema, 'The database does not answer')
  }
});

export const healthRoutes = createRouter().openapi(health, async (c) => {
  try {
    const server = await c.var.services.db.serverName();
    return c.json({ ok: true, db: { ok: true, server } }, 200);
  } catch {
    c.header('Retry-After', String(c.var.services.databaseStatus?.retryAfterSeconds() ?? 2));
    return c.json({ ok: false, db: { ok: false, server: 'unreachable' } }, 503);
  }
});
