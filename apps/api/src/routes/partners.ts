/** Practice partners: slots, proposals, bookings and the pair's room (who may call each: contracts' partners.ts). */
import { createRoute, z } from '@hono/zod-openapi';
import {
  bookingDoneBodySchema,
  bookingResponseSchema,
  idParamSchema,
  partnerSlotResponseSchema,
  partnersOverviewSchema,
  proposalAnswerSchema,
  publishedSlotSchema,
  publishSlotBodySchema,
  takeSlotBodySchema
} from '@mockloop/contracts';
import { requireUser, signedIn } from '../middleware/session.ts';
import { publicOrigin } from '../proxy-trust.ts';
import { createRouter, errorResponses, jsonBody, jsonResponse } from './openapi.ts';

const tags = ['partners'];

const overview = createRoute({
  method: 'get',
  path: '/partners',
  tags,
  responses: {
    200: jsonResponse(partnersOverviewSchema, 'One’s slots, proposals and bookings, and others’ open requests'),
    ...errorResponses(401)
  }
});

const publish = createRoute({
  method: 'post',
  path: '/partners/slots',
  tags,
  request: { body: jsonBody(publishSlotBodySchema) },
  responses: {
    201: jsonResponse(publishedSlotSchema, 'The slot, and the pair proposed at once if another slot fits'),
    ...errorResponses(400, 401, 415)
  }
});

const withdraw = createRoute({
  method: 'delete',
  path: '/partners/slots/{id}',
  tags,
  request: { params: idParamSchema },
  responses: { 200: jsonResponse(partnerSlotResponseSchema, 'The slot, withdrawn'), ...errorResponses(401, 404, 409) }
});

const take = createRoute({
  method: 'post',
  path: '/partners/slots/{id}/take',
  tags,
  request: { params: idParamSchema, body: jsonBody(takeSlotBodySchema) },
  responses: {
    201: jsonResponse(bookingResponseSchema, 'Booked at the slot’s start'),
    ...errorResponses(400, 401, 404, 409, 415)
  }
});

const accept = createRoute({
  method: 'post',
  path: '/partners/proposals/{id}/accept',
  tags,
  request: { params: idParamSchema },
  responses: {
    200: jsonResponse(proposalAnswerSchema, 'The proposal, and its booking once both accepted'),
    ...errorResponses(401, 404, 409)
  }
});

const decline = createRoute({
  method: 'post',
  path: '/partners/proposals/{id}/decline',
  tags,
  request: { params: idParamSchema },
  responses: { 200: jsonResponse(proposalAnswerSchema, 'The proposal, declined'), ...errorResponses(401, 404, 409) }
});

const readBooking = createRoute({
  method: 'get',
  path: '/partners/bookings/{id}',
  tags,
  request: { params: idParamSchema },
  responses: { 200: jsonResponse(bookingResponseSchema, 'The booking as it stands now'), ...errorResponses(401, 404) }
});

const join = createRoute({
  method: 'post',
  path: '/partners/bookings/{id}/join',
  tags,
  request: { params: idParamSchema },
  responses: {
    200: jsonResponse(bookingResponseSchema, 'The booking with one’s arrival (a half started once both are in)'),
    ...errorResponses(401, 404, 409, 429)
  }
});

const done = createRoute({
  method: 'post',
  path: '/partners/bookings/{id}/done',
  tags,
  request: { params: idParamSchema, body: jsonBody(bookingDoneBodySchema) },
  responses: {
    200: jsonResponse(bookingResponseSchema, 'The booking; the roles swap once both are done'),
    ...errorResponses(400, 401, 404, 409, 415, 429)
  }
});

const calendar = createRoute({
  method: 'get',
  path: '/partners/bookings/{id}/ics',
  tags,
  request: { params: idParamSchema },
  responses: {
    200: { description: 'The booking as an iCalendar event', content: { 'text/calendar': { schema: z.string() } } },
    ...errorResponses(401, 404)
  }
});

const router = createRouter();
router.use('/partners', signedIn());
router.use('/partners/*', signedIn());

export const partnerRoutes = router
  .openapi(overview, async (c) => c.json(await c.var.services.partners.overview(requireUser(c), publicOrigin(c)), 200))
  .openapi(publish, async (c) =>
    c.json(await c.var.services.partners.publish(requireUser(c), c.req.valid('json')), 201)
  )
  .openapi(withdraw, async (c) =>
    c.json(await c.var.services.partners.withdraw(requireUser(c), c.req.valid('param').id), 200)
  )
  .openapi(take, async (c) => {
    const { timeZone } = c.req.valid('json');
    return c.json(await c.var.services.partners.take(requireUser(c), c.req.valid('param').id, timeZone), 201);
  })
  .openapi(accept, async (c) =>
    c.json(await c.var.services.partners.accept(requireUser(c), c.req.valid('param').id), 200)
  )
  .openapi(decline, async (c) =>
    c.json(await c.var.services.partners.decline(requireUser(c), c.req.valid('param').id), 200)
  )
  .openapi(readBooking, async (c) =>
    c.json(await c.var.services.partners.booking(requireUser(c), c.req.valid('param').id, publicOrigin(c)), 200)
  )
  .openapi(join, async (c) =>
    c.json(await c.var.services.partners.join(requireUser(c), c.req.valid('param').id, publicOrigin(c)), 200)
  )
  .openapi(done, async (c) => {
    const half = c.req.valid('json').half === 1 ? 1 : 0;
    const id = c.req.valid('param').id;
    return c.json(await c.var.services.partners.done(requireUser(c), id, half, publicOrigin(c)), 200);
  })
  .openapi(calendar, async (c) => {
    const ics = await c.var.services.partners.calendar(requireUser(c), c.req.valid('param').id, publicOrigin(c));
    c.header('Content-Disposition', 'attachment; filename="mockloop-pair.ics"');
    return c.body(ics, 200, { 'Content-Type': 'text/calendar; charset=utf-8' });
  });
