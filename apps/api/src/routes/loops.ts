/** Interview loops and the hiring committee (who may call each route: packages/contracts/src/loops.ts). */
import { createRoute } from '@hono/zod-openapi';
import {
  committeeBodySchema,
  committeeVoteBodySchema,
  createdInviteSchema,
  createLoopBodySchema,
  createInviteBodySchema,
  editRoundBodySchema,
  loopListSchema,
  loopParamSchema,
  loopPredictionBodySchema,
  loopResponseSchema,
  loopTemplateListSchema,
  packetResponseSchema,
  roundFeedbackBodySchema,
  roundModeBodySchema,
  roundParamSchema,
  startRoundBodySchema
} from '@mockloop/contracts';
import { requireUser, signedIn } from '../middleware/session.ts';
import { publicOrigin } from '../proxy-trust.ts';
import { createRouter, errorResponses, jsonBody, jsonResponse } from './openapi.ts';

const tags = ['loops'];

const listTemplates = createRoute({
  method: 'get',
  path: '/loop-templates',
  tags,
  responses: { 200: jsonResponse(loopTemplateListSchema, 'The loop templates by level'), ...errorResponses(401) }
});

const startLoop = createRoute({
  method: 'post',
  path: '/loops',
  tags,
  request: { body: jsonBody(createLoopBodySchema) },
  responses: {
    201: jsonResponse(loopResponseSchema, 'The loop, its rounds planned'),
    ...errorResponses(400, 401, 409, 415)
  }
});

const listLoops = createRoute({
  method: 'get',
  path: '/loops',
  tags,
  responses: { 200: jsonResponse(loopListSchema, 'The candidate’s loops, newest first'), ...errorResponses(401) }
});

const readLoop = createRoute({
  method: 'get',
  path: '/loops/{id}',
  tags,
  request: { params: loopParamSchema },
  responses: { 200: jsonResponse(loopResponseSchema, 'The loop, blind'), ...errorResponses(401, 404) }
});

const editRound = createRoute({
  method: 'put',
  path: '/loops/{id}/rounds/{n}',
  tags,
  request: { params: roundParamSchema, body: jsonBody(editRoundBodySchema) },
  responses: {
    200: jsonResponse(loopResponseSchema, 'The loop with the round replanned'),
    ...errorResponses(400, 401, 403, 404, 409, 415)
  }
});

const startRound = createRoute({
  method: 'post',
  path: '/loops/{id}/rounds/{n}/start',
  tags,
  request: { params: roundParamSchema, body: jsonBody(startRoundBodySchema) },
  responses: {
    200: jsonResponse(loopResponseSchema, 'The loop with the round’s session started'),
    ...errorResponses(400, 401, 403, 404, 409, 415, 429)
  }
});

const changeMode = createRoute({
  method: 'put',
  path: '/loops/{id}/rounds/{n}/mode',
  tags,
  request: { params: roundParamSchema, body: jsonBody(roundModeBodySchema) },
  responses: {
    200: jsonResponse(loopResponseSchema, 'The loop with the round solo or live'),
    ...errorResponses(400, 401, 403, 404, 409, 415)
  }
});

const inviteInterviewer = createRoute({
  method: 'post',
  path: '/loops/{id}/rounds/{n}/invites',
  tags,
  request: { params: roundParamSchema, body: jsonBody(createInviteBodySchema) },
  responses: {
    201: jsonResponse(createdInviteSchema, 'The round’s interviewer invite and its link (shown only now)'),
    ...errorResponses(400, 401, 403, 404, 409, 415)
  }
});

const saveFeedback = createRoute({
  method: 'put',
  path: '/loops/{id}/rounds/{n}/feedback',
  tags,
  request: { params: roundParamSchema, body: jsonBody(roundFeedbackBodySchema) },
  responses: {
    200: jsonResponse(loopResponseSchema, 'The loop with the interviewer’s feedback, draft or submitted'),
    ...errorResponses(400, 401, 403, 404, 409, 415)
  }
});

const predict = createRoute({
  method: 'put',
  path: '/loops/{id}/prediction',
  tags,
  request: { params: loopParamSchema, body: jsonBody(loopPredictionBodySchema) },
  responses: {
    200: jsonResponse(loopResponseSchema, 'The loop with the candidate’s prediction'),
    ...errorResponses(400, 401, 403, 404, 409, 415)
  }
});

const nameCommittee = createRoute({
  method: 'put',
  path: '/loops/{id}/committee',
  tags,
  request: { params: loopParamSchema, body: jsonBody(committeeBodySchema) },
  responses: {
    200: jsonResponse(loopResponseSchema, 'The loop with its committee'),
    ...errorResponses(400, 401, 403, 404, 415)
  }
});

const readPacket = createRoute({
  method: 'get',
  path: '/loops/{id}/packet',
  tags,
  request: { params: loopParamSchema },
  responses: {
    200: jsonResponse(packetResponseSchema, 'The committee’s packet'),
    ...errorResponses(401, 404, 409)
  }
});

const vote = createRoute({
  method: 'put',
  path: '/loops/{id}/vote',
  tags,
  request: { params: loopParamSchema, body: jsonBody(committeeVoteBodySchema) },
  responses: {
    200: jsonResponse(packetResponseSchema, 'The packet with the vote'),
    ...errorResponses(400, 401, 403, 404, 409, 415)
  }
});

const router = createRouter();
router.use('/loops', signedIn());
router.use('/loops/*', signedIn());
router.use('/loop-templates', signedIn());

export const loopRoutes = router
  .openapi(listTemplates, (c) => c.json({ items: c.var.services.loops.templates() }, 200))
  .openapi(startLoop, async (c) => {
    const loop = await c.var.services.loops.start(requireUser(c), c.req.valid('json'));
    return c.json({ loop }, 201);
  })
  .openapi(listLoops, async (c) => c.json({ items: await c.var.services.loops.list(requireUser(c)) }, 200))
  .openapi(readLoop, async (c) => {
    const loop = await c.var.services.loops.get(requireUser(c), c.req.valid('param').id);
    return c.json({ loop }, 200);
  })
  .openapi(editRound, async (c) => {
    const { id, n } = c.req.valid('param');
    const loop = await c.var.services.loops.editRound(requireUser(c), id, n, c.req.valid('json'));
    return c.json({ loop }, 200);
  })
  .openapi(startRound, async (c) => {
    const { id, n } = c.req.valid('param');
    const loop = await c.var.services.loops.startRound(requireUser(c), id, n, c.req.valid('json'));
    return c.json({ loop }, 200);
  })
  .openapi(changeMode, async (c) => {
    const { id, n } = c.req.valid('param');
    const loop = await c.var.services.loops.changeMode(requireUser(c), id, n, c.req.valid('json'));
    return c.json({ loop }, 200);
  })
  .openapi(inviteInterviewer, async (c) => {
    const { id, n } = c.req.valid('param');
    const { expiresInDays } = c.req.valid('json');
    const created = await c.var.services.loops.invite(requireUser(c), id, n, publicOrigin(c), expiresInDays);
    return c.json(created, 201);
  })
  .openapi(saveFeedback, async (c) => {
    const { id, n } = c.req.valid('param');
    const loop = await c.var.services.loops.saveFeedback(requireUser(c), id, n, c.req.valid('json'));
    return c.json({ loop }, 200);
  })
  .openapi(predict, async (c) => {
    const loop = await c.var.services.loops.predict(requireUser(c), c.req.valid('param').id, c.req.valid('json'));
    return c.json({ loop }, 200);
  })
  .openapi(nameCommittee, async (c) => {
    const { id } = c.req.valid('param');
    const loop = await c.var.services.loops.nameCommittee(requireUser(c), id, c.req.valid('json'));
    return c.json({ loop }, 200);
  })
  .openapi(readPacket, async (c) => {
    const packet = await c.var.services.loops.packet(requireUser(c), c.req.valid('param').id);
    return c.json({ packet }, 200);
  })
  .openapi(vote, async (c) => {
    const packet = await c.var.services.loops.vote(requireUser(c), c.req.valid('param').id, c.req.valid('json'));
    return c.json({ packet }, 200);
  });
