/** The signed-in user's story bank. Another user's story answers 404, as if it did not exist. */
import { createRoute } from '@hono/zod-openapi';
import {
  createStoryBodySchema,
  deletedResponseSchema,
  idParamSchema,
  storyBankSummarySchema,
  storyFieldsSchema,
  storyListSchema,
  storyResponseSchema
} from '@mockloop/contracts';
import { requireUser, signedIn } from '../middleware/session.ts';
import { createRouter, errorResponses, jsonBody, jsonResponse } from './openapi.ts';

const storyResponse = jsonResponse(storyResponseSchema, 'The story, with its strength and how many mocks told it');

const list = createRoute({
  method: 'get',
  path: '/stories',
  tags: ['stories'],
  responses: {
    200: jsonResponse(storyListSchema, 'The user’s stories, most recently edited first'),
    ...errorResponses(401)
  }
});

const summary = createRoute({
  method: 'get',
  path: '/stories/summary',
  tags: ['stories'],
  responses: {
    200: jsonResponse(storyBankSummarySchema, 'Themes with no strong story yet, and stories told too often'),
    ...errorResponses(401)
  }
});

const create = createRoute({
  method: 'post',
  path: '/stories',
  tags: ['stories'],
  request: { body: jsonBody(createStoryBodySchema) },
  responses: { 201: storyResponse, ...errorResponses(400, 401, 403, 413, 415) }
});

const read = createRoute({
  method: 'get',
  path: '/stories/{id}',
  tags: ['stories'],
  request: { params: idParamSchema },
  responses: { 200: storyResponse, ...errorResponses(401, 404) }
});

const update = createRoute({
  method: 'put',
  path: '/stories/{id}',
  tags: ['stories'],
  request: { params: idParamSchema, body: jsonBody(storyFieldsSchema) },
  responses: { 200: storyResponse, ...errorResponses(400, 401, 403, 404, 413, 415) }
});

const remove = createRoute({
  method: 'delete',
  path: '/stories/{id}',
  tags: ['stories'],
  request: { params: idParamSchema },
  responses: {
    200: jsonResponse(deletedResponseSchema, 'The story is gone'),
    ...errorResponses(401, 403, 404)
  }
});

const router = createRouter();
router.use('/stories', signedIn());
router.use('/stories/*', signedIn());

export const storyRoutes = router
  .openapi(list, async (c) => c.json({ items: await c.var.services.stories.list(requireUser(c)) }, 200))
  .openapi(summary, async (c) => c.json(await c.var.services.stories.summary(requireUser(c)), 200))
  .openapi(create, async (c) => {
    const story = await c.var.services.stories.create(requireUser(c), c.req.valid('json'));
    return c.json({ story }, 201);
  })
  .openapi(read, async (c) => {
    const story = await c.var.services.stories.get(requireUser(c), c.req.valid('param').id);
    return c.json({ story }, 200);
  })
  .openapi(update, async (c) => {
    const story = await c.var.services.stories.update(requireUser(c), c.req.valid('param').id, c.req.valid('json'));
    return c.json({ story }, 200);
  })
  .openapi(remove, async (c) => {
    await c.var.services.stories.remove(requireUser(c), c.req.valid('param').id);
    return c.json({ deleted: true as const }, 200);
  });
