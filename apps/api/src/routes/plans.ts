/** The signed-in user's study plan: pick and accept, today, ticks, scheduled mocks, weak areas, ledger, calendar. */
import { createRoute, z } from '@hono/zod-openapi';
import {
  acceptPlanBodySchema,
  ledgerResponseSchema,
  ledgerSchema,
  planChoiceSchema,
  planMockParamsSchema,
  planPreviewSchema,
  planResponseSchema,
  planTodayResponseSchema,
  roadmapListSchema,
  startedPlanMockSchema,
  tickBodySchema,
  tickParamsSchema,
  tickResponseSchema,
  weakAreaParamsSchema
} from '@mockloop/contracts';
import { requireUser, signedIn } from '../middleware/session.ts';
import { createRouter, errorResponses, jsonBody, jsonResponse } from './openapi.ts';

const tags = ['plan'];

const roadmaps = createRoute({
  method: 'get',
  path: '/plan/roadmaps',
  tags,
  responses: { 200: jsonResponse(roadmapListSchema, 'The five roadmaps as plans'), ...errorResponses(401) }
});

const preview = createRoute({
  method: 'post',
  path: '/plan/preview',
  tags,
  description: 'The roadmap laid before the interview; compressed by the user’s scores when it does not fit.',
  request: { body: jsonBody(planChoiceSchema) },
  responses: { 200: jsonResponse(planPreviewSchema, 'The proposed layout'), ...errorResponses(400, 401, 403, 413, 415) }
});

const accept = createRoute({
  method: 'put',
  path: '/plan',
  tags,
  description: 'Accepts a plan with its layout as proposed or edited; replaces an earlier plan (the ledger stays).',
  request: { body: jsonBody(acceptPlanBodySchema) },
  responses: { 200: jsonResponse(planResponseSchema, 'The plan'), ...errorResponses(400, 401, 403, 413, 415) }
});

const read = createRoute({
  method: 'get',
  path: '/plan',
  tags,
  responses: { 200: jsonResponse(planResponseSchema, 'The plan, or null'), ...errorResponses(401) }
});

const remove = createRoute({
  method: 'delete',
  path: '/plan',
  tags,
  responses: { 200: jsonResponse(z.object({ deleted: z.literal(true) }), 'No plan now'), ...errorResponses(401, 403) }
});

const today = createRoute({
  method: 'get',
  path: '/plan/today',
  tags,
  responses: {
    200: jsonResponse(
      planTodayResponseSchema,
      'Today’s tasks, mocks and reviews, progress and readiness; null with no plan'
    ),
    ...errorResponses(401)
  }
});

const tick = createRoute({
  method: 'put',
  path: '/plan/ticks/{taskId}',
  tags,
  request: { params: tickParamsSchema, body: jsonBody(tickBodySchema) },
  responses: {
    200: jsonResponse(tickResponseSchema, 'Ticked, with the progress'),
    ...errorResponses(400, 401, 403, 404, 415)
  }
});

const startMock = createRoute({
  method: 'post',
  path: '/plan/mocks/{mockId}/start',
  tags,
  description: 'Starts a scheduled mock (the staff roadmap’s weekly assessment is scored with that week’s rubric).',
  request: { params: planMockParamsSchema },
  responses: {
    200: jsonResponse(startedPlanMockSchema, 'The session'),
    ...errorResponses(400, 401, 403, 404, 409, 429)
  }
});

const weakArea = createRoute({
  method: 'post',
  path: '/plan/weak-areas/{area}',
  tags,
  request: { params: weakAreaParamsSchema },
  responses: {
    200: jsonResponse(planResponseSchema, 'The plan with the area’s units and a recheck'),
    ...errorResponses(400, 401, 403, 404)
  }
});

const ledger = createRoute({
  method: 'get',
  path: '/plan/ledger',
  tags,
  responses: { 200: jsonResponse(ledgerResponseSchema, 'Goals, Oops List, Daily Log'), ...errorResponses(401, 404) }
});

const saveLedger = createRoute({
  method: 'put',
  path: '/plan/ledger',
  tags,
  request: { body: jsonBody(ledgerSchema) },
  responses: {
    200: jsonResponse(ledgerResponseSchema, 'The saved ledger'),
    ...errorResponses(400, 401, 403, 404, 413, 415)
  }
});

const ledgerMarkdown = createRoute({
  method: 'get',
  path: '/plan/ledger.md',
  tags,
  responses: {
    200: { description: 'The ledger as Markdown', content: { 'text/markdown': { schema: z.string() } } },
    ...errorResponses(401, 404)
  }
});

const calendar = createRoute({
  method: 'get',
  path: '/plan/calendar.ics',
  tags,
  responses: {
    200: {
      description: 'The plan’s mocks and reviews as iCalendar',
      content: { 'text/calendar': { schema: z.string() } }
    },
    ...errorResponses(401, 404)
  }
});

const router = createRouter();
router.use('/plan', signedIn());
router.use('/plan/*', signedIn());

export const planRoutes = router
  .openapi(roadmaps, (c) => c.json(c.var.services.plans.roadmaps(), 200))
  .openapi(preview, async (c) => c.json(await c.var.services.plans.preview(requireUser(c), c.req.valid('json')), 200))
  .openapi(accept, async (c) => c.json(await c.var.services.plans.accept(requireUser(c), c.req.valid('json')), 200))
  .openapi(read, async (c) => c.json(await c.var.services.plans.get(requireUser(c)), 200))
  .openapi(remove, async (c) => {
    await c.var.services.plans.remove(requireUser(c));
    return c.json({ deleted: true as const }, 200);
  })
  .openapi(today, async (c) => c.json(await c.var.services.plans.today(requireUser(c)), 200))
  .openapi(tick, async (c) => {
    const { taskId } = c.req.valid('param');
    return c.json(await c.var.services.plans.tick(requireUser(c), taskId, c.req.valid('json').done), 200);
  })
  .openapi(startMock, async (c) =>
    c.json(await c.var.services.plans.startMock(requireUser(c), c.req.valid('param').mockId), 200)
  )
  .openapi(weakArea, async (c) =>
    c.json(await c.var.services.plans.acceptWeakArea(requireUser(c), c.req.valid('param').area), 200)
  )
  .openapi(ledger, async (c) => c.json(await c.var.services.plans.ledger(requireUser(c)), 200))
  .openapi(saveLedger, async (c) =>
    c.json(await c.var.services.plans.saveLedger(requireUser(c), c.req.valid('json')), 200)
  )
  .openapi(ledgerMarkdown, async (c) => {
    const { markdown } = await c.var.services.plans.ledger(requireUser(c));
    c.header('Content-Disposition', 'attachment; filename="learning-ledger.md"');
    return c.body(markdown, 200, { 'Content-Type': 'text/markdown; charset=utf-8' });
  })
  .openapi(calendar, async (c) => {
    const ics = await c.var.services.plans.calendar(requireUser(c), new URL(c.req.url).origin);
    c.header('Content-Disposition', 'attachment; filename="mockloop-plan.ics"');
    return c.body(ics, 200, { 'Content-Type': 'text/calendar; charset=utf-8' });
  });
