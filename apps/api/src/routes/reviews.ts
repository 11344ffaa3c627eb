/** Peer review: invites for the candidate, acceptance and scoring for the reviewer, side-by-side scores. */
import { createRoute, z } from '@hono/zod-openapi';
import {
  acceptedInviteSchema,
  acceptInviteBodySchema,
  createdInviteSchema,
  createInviteBodySchema,
  errorBodySchema,
  idParamSchema,
  inviteListSchema,
  invitePreviewSchema,
  inviteSchema,
  peerScoreBodySchema,
  peerScoreSchema,
  scoresResponseSchema
} from '@mockloop/contracts';
import { requireUser, signedIn } from '../middleware/session.ts';
import { publicOrigin } from '../proxy-trust.ts';
import { accessOf, permit } from '../services/sessions/policy.ts';
import { createRouter, errorResponses, jsonBody, jsonResponse } from './openapi.ts';

const createInvite = createRoute({
  method: 'post',
  path: '/sessions/{id}/invites',
  tags: ['reviews'],
  request: { params: idParamSchema, body: jsonBody(createInviteBodySchema) },
  responses: {
    201: jsonResponse(createdInviteSchema, 'The invite and its link (shown only now)'),
    ...errorResponses(400, 401, 403, 404, 415)
  }
});

const listInvites = createRoute({
  method: 'get',
  path: '/sessions/{id}/invites',
  tags: ['reviews'],
  request: { params: idParamSchema },
  responses: { 200: jsonResponse(inviteListSchema, 'The session’s invites'), ...errorResponses(401, 404) }
});

const revokeInvite = createRoute({
  method: 'delete',
  path: '/invites/{id}',
  tags: ['reviews'],
  request: { params: idParamSchema },
  responses: {
    200: jsonResponse(z.object({ invite: inviteSchema }), 'Revoked: its reviewer loses access'),
    ...errorResponses(401, 403, 404)
  }
});

const reissueInvite = createRoute({
  method: 'post',
  path: '/invites/{id}/link',
  tags: ['reviews'],
  description:
    'Issues an open invite’s link again (only a hash of a token is kept, so a lost link cannot be shown): a new ' +
    'token, the old link stops working, the expiry starts again. 409 INVITE_ACCEPTED once someone accepted it.',
  request: { params: idParamSchema, body: jsonBody(createInviteBodySchema) },
  responses: {
    200: jsonResponse(createdInviteSchema, 'The invite and its new link (shown only now)'),
    ...errorResponses(400, 401, 403, 404, 409, 415)
  }
});

const acceptInvite = createRoute({
  method: 'post',
  path: '/invites/accept',
  tags: ['reviews'],
  request: { body: jsonBody(acceptInviteBodySchema) },
  responses: {
    200: jsonResponse(acceptedInviteSchema, 'Admitted as the session’s reviewer'),
    410: jsonResponse(errorBodySchema, 'Expired, revoked or used'),
    ...errorResponses(400, 401, 403, 404, 409, 415)
  }
});

// Not under /invites/: those need a sign-in, and this answers the signed-out holder of a link.
const previewInvite = createRoute({
  method: 'post',
  path: '/invite-preview',
  tags: ['reviews'],
  request: { body: jsonBody(acceptInviteBodySchema) },
  responses: {
    200: jsonResponse(invitePreviewSchema, 'Who invited the link’s holder, to what (nothing else of the session)'),
    410: jsonResponse(errorBodySchema, 'Expired, revoked or used'),
    ...errorResponses(400, 404, 415)
  }
});

const savePeerScore = createRoute({
  method: 'put',
  path: '/sessions/{id}/scores/peer',
  tags: ['reviews'],
  request: { params: idParamSchema, body: jsonBody(peerScoreBodySchema) },
  responses: {
    200: jsonResponse(z.object({ score: peerScoreSchema }), 'The reviewer’s score, draft or submitted'),
    ...errorResponses(400, 401, 403, 404, 409, 415)
  }
});

const readScores = createRoute({
  method: 'get',
  path: '/sessions/{id}/scores',
  tags: ['reviews'],
  request: { params: idParamSchema },
  responses: {
    200: jsonResponse(scoresResponseSchema, 'Self and peer scores with calibration'),
    ...errorResponses(401, 404)
  }
});

const router = createRouter();
router.use('/invites/*', signedIn());

export const reviewRoutes = router
  .openapi(createInvite, async (c) => {
    const { sessions, reviews } = c.var.services;
    const session = await sessions.get(requireUser(c), c.req.valid('param').id);
    const created = await reviews.create(session, publicOrigin(c), c.req.valid('json').expiresInDays);
    return c.json(created, 201);
  })
  .openapi(listInvites, async (c) => {
    const { sessions, reviews } = c.var.services;
    const session = await sessions.get(requireUser(c), c.req.valid('param').id);
    return c.json({ items: await reviews.list(session) }, 200);
  })
  .openapi(revokeInvite, async (c) => {
    const invite = await c.var.services.reviews.revoke(requireUser(c), c.req.valid('param').id);
    return c.json({ invite }, 200);
  })
  .openapi(reissueInvite, async (c) => {
    const { id } = c.req.valid('param');
    const reissued = await c.var.services.reviews.reissue(
      requireUser(c),
      id,
      publicOrigin(c),
      c.req.valid('json').expiresInDays
    );
    return c.json(reissued, 200);
  })
  .openapi(acceptInvite, async (c) => {
    const sessionId = await c.var.services.reviews.accept(requireUser(c), c.req.valid('json').token);
    return c.json({ sessionId: sessionId.toHexString() }, 200);
  })
  .openapi(previewInvite, async (c) => {
    return c.json(await c.var.services.reviews.preview(c.req.valid('json').token), 200);
  })
  .openapi(savePeerScore, async (c) => {
    const { sessions, reviews } = c.var.services;
    const user = requireUser(c);
    const { doc, role } = await sessions.getReadable(user, c.req.valid('param').id);
    permit('peer-score', accessOf(role), doc, new Date());
    return c.json({ score: await reviews.savePeerScore(user, doc, c.req.valid('json')) }, 200);
  })
  .openapi(readScores, async (c) => {
    const { sessions, reviews } = c.var.services;
    const user = requireUser(c);
    const { doc } = await sessions.getReadable(user, c.req.valid('param').id);
    return c.json(await reviews.scores(user, doc), 200);
  });
