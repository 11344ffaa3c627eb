/**
 * Feedback on feedback: the candidate rates each interviewer's submitted feedback on their own session (anyone
 * else's session answers 404, as if it did not exist), and an interviewer reads their own record.
 */
import { createRoute } from '@hono/zod-openapi';
import {
  feedbackRatingBodySchema,
  feedbackRatingSchema,
  feedbackRatingsResponseSchema,
  idParamSchema,
  interviewerRecordSchema
} from '@mockloop/contracts';
import { z } from 'zod';
import { requireUser, signedIn } from '../middleware/session.ts';
import { createRouter, errorResponses, jsonBody, jsonResponse } from './openapi.ts';

const rate = createRoute({
  method: 'put',
  path: '/sessions/{id}/feedback-rating',
  tags: ['interviewers'],
  description:
    'The candidate rates one interviewer’s submitted feedback (1–5: specific, actionable, calibrated), or changes ' +
    'the rating, until 14 days after it was submitted. 409 FEEDBACK_NOT_SUBMITTED before there is feedback to ' +
    'rate; 409 RATING_CLOSED after the window.',
  request: { params: idParamSchema, body: jsonBody(feedbackRatingBodySchema) },
  responses: {
    200: jsonResponse(z.object({ rating: feedbackRatingSchema }), 'The rating as stored'),
    ...errorResponses(400, 401, 404, 409, 415)
  }
});

const ratings = createRoute({
  method: 'get',
  path: '/sessions/{id}/feedback-ratings',
  tags: ['interviewers'],
  request: { params: idParamSchema },
  responses: {
    200: jsonResponse(feedbackRatingsResponseSchema, 'Each submitted feedback on the session, with your rating of it'),
    ...errorResponses(401, 404)
  }
});

const record = createRoute({
  method: 'get',
  path: '/me/interviewer-record',
  tags: ['interviewers'],
  responses: {
    200: jsonResponse(
      interviewerRecordSchema,
      'How candidates rated your feedback, and your ratings against other interviewers’ per rubric'
    ),
    ...errorResponses(401)
  }
});

const router = createRouter();
router.use('/sessions/*', signedIn());
router.use('/me/interviewer-record', signedIn());

export const interviewerRoutes = router
  .openapi(rate, async (c) => {
    const { sessions, interviewers } = c.var.services;
    const session = await sessions.get(requireUser(c), c.req.valid('param').id);
    return c.json({ rating: await interviewers.rate(session, c.req.valid('json')) }, 200);
  })
  .openapi(ratings, async (c) => {
    const { sessions, interviewers } = c.var.services;
    const session = await sessions.get(requireUser(c), c.req.valid('param').id);
    return c.json(await interviewers.ratingsFor(session), 200);
  })
  .openapi(record, async (c) => c.json(await c.var.services.interviewers.recordOf(requireUser(c)), 200));
