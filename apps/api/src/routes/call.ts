/** The live room's voice call: its state (ICE servers, consent to record), signalling, and consent. */
import { createRoute } from '@hono/zod-openapi';
import {
  callConsentBodySchema,
  callConsentSchema,
  callStateSchema,
  idParamSchema,
  okResponseSchema,
  signalBodySchema
} from '@mockloop/contracts';
import { requireUser, signedIn } from '../middleware/session.ts';
import { createRouter, errorResponses, jsonBody, jsonResponse } from './openapi.ts';

const state = createRoute({
  method: 'get',
  path: '/sessions/{id}/call',
  tags: ['live'],
  request: { params: idParamSchema },
  responses: {
    200: jsonResponse(callStateSchema, 'The ICE servers to use and who agreed to record the call'),
    ...errorResponses(401, 404)
  }
});

const signal = createRoute({
  method: 'post',
  path: '/sessions/{id}/call/signals',
  tags: ['live'],
  description: 'A WebRTC signal (ready, offer, answer, ICE candidate, hang-up) for one member of the room.',
  request: { params: idParamSchema, body: jsonBody(signalBodySchema) },
  responses: {
    202: jsonResponse(okResponseSchema, 'Sent to that member'),
    ...errorResponses(400, 401, 404, 409, 413, 415)
  }
});

const consent = createRoute({
  method: 'put',
  path: '/sessions/{id}/call/consent',
  tags: ['live'],
  description: 'The caller agrees (or no longer agrees) to the call being recorded into the session.',
  request: { params: idParamSchema, body: jsonBody(callConsentBodySchema) },
  responses: {
    200: jsonResponse(callConsentSchema, 'Who has agreed, and whether the call may be recorded'),
    ...errorResponses(400, 401, 404, 409, 415)
  }
});

const router = createRouter();
router.use('/sessions/*', signedIn());

export const callRoutes = router
  .openapi(state, async (c) => c.json(await c.var.services.call.state(requireUser(c), c.req.valid('param').id), 200))
  .openapi(signal, async (c) => {
    await c.var.services.call.signal(requireUser(c), c.req.valid('param').id, c.req.valid('json'));
    return c.json({ ok: true as const }, 202);
  })
  .openapi(consent, async (c) => {
    const { record } = c.req.valid('json');
    return c.json(await c.var.services.call.consent(requireUser(c), c.req.valid('param').id, record), 200);
  });
