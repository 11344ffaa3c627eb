/** The signed-in user's recurring weak areas, and an export of all their sessions, scores and stories. */
import { createRoute, z } from '@hono/zod-openapi';
import { insightsSchema, recapBodySchema, recapParamsSchema, savedRecapSchema, storySchema } from '@mockloop/contracts';
import { ApiError } from '../errors.ts';
import { requireUser, signedIn } from '../middleware/session.ts';
import { exportCsv } from '../services/user-data.ts';
import { createRouter, errorResponses, jsonBody, jsonResponse } from './openapi.ts';

const insights = createRoute({
  method: 'get',
  path: '/insights',
  tags: ['insights'],
  responses: {
    200: jsonResponse(insightsSchema, 'Trends, weak areas and what to practise next'),
    ...errorResponses(401)
  }
});

const exportAll = createRoute({
  method: 'get',
  path: '/export',
  tags: ['insights'],
  request: { query: z.object({ format: z.enum(['json', 'csv']).default('json') }) },
  responses: {
    200: {
      description: 'Every session with its scores (and, in JSON, the story bank), as a JSON or CSV download',
      content: {
        'application/json': {
          schema: z.object({ sessions: z.array(z.unknown()), stories: z.array(storySchema), plan: z.unknown() })
        },
        'text/csv': { schema: z.string() }
      }
    },
    ...errorResponses(400, 401)
  }
});

const saveRecap = createRoute({
  method: 'put',
  path: '/recaps/{weekStart}',
  tags: ['insights'],
  description: 'Keeps the user’s edit of a week’s recap; weekStart is the Monday (YYYY-MM-DD) the recap names.',
  request: { params: recapParamsSchema, body: jsonBody(recapBodySchema) },
  responses: {
    200: jsonResponse(savedRecapSchema, 'The saved recap'),
    ...errorResponses(400, 401, 403, 413, 415)
  }
});

const router = createRouter();
router.use('/insights', signedIn());
router.use('/export', signedIn());
router.use('/recaps/*', signedIn());

export const insightRoutes = router
  .openapi(insights, async (c) => c.json(await c.var.services.userData.insights(requireUser(c)), 200))
  .openapi(saveRecap, async (c) => {
    const { weekStart } = c.req.valid('param');
    if (new Date(`${weekStart}T00:00:00Z`).getUTCDay() !== 1) {
      throw new ApiError(400, 'VALIDATION_FAILED', 'A recap belongs to a week: name its Monday.', {
        weekStart: 'Not a Monday'
      });
    }
    const saved = await c.var.services.userData.saveRecap(requireUser(c), weekStart, c.req.valid('json').markdown);
    return c.json(saved, 200);
  })
  .openapi(exportAll, async (c) => {
    const user = requireUser(c);
    const sessions = await c.var.services.userData.export(user);
    const day = new Date().toISOString().slice(0, 10);
    if (c.req.valid('query').format === 'csv') {
      c.header('Content-Disposition', `attachment; filename="mockloop-${day}.csv"`);
      return c.body(exportCsv(sessions), 200, { 'Content-Type': 'text/csv; charset=utf-8' });
    }
    c.header('Content-Disposition', `attachment; filename="mockloop-${day}.json"`);
    const [stories, plan] = await Promise.all([
      c.var.services.stories.list(user),
      c.var.services.plans.exportFor(user)
    ]);
    return c.json({ sessions, stories, plan }, 200);
  });
