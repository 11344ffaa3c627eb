/** Timed mock sessions of the signed-in user. Another user's session answers 404, as if it did not exist. */
import { createRoute } from '@hono/zod-openapi';
import {
  confirmationBodySchema,
  confirmationInputsSchema,
  createAssessmentBodySchema,
  createBehavioralMockBodySchema,
  createSessionBodySchema,
  createSubmissionBodySchema,
  idParamSchema,
  phaseBodySchema,
  recordedConfirmationSchema,
  selfScoreBodySchema,
  sessionListQuerySchema,
  sessionListSchema,
  sessionReferenceSchema,
  sessionResponseSchema,
  snapshotListSchema,
  submissionListSchema,
  submissionParamsSchema,
  submissionResultBodySchema,
  submissionResultSchema,
  submissionTestsSchema,
  workConflictSchema,
  workPatchBodySchema,
  workPatchResponseSchema,
  deletedResponseSchema
} from '@mockloop/contracts';
import { requireUser, signedIn } from '../middleware/session.ts';
import { createRouter, errorResponses, jsonBody, jsonResponse } from './openapi.ts';

const sessionResponse = jsonResponse(sessionResponseSchema, 'The session, with the server clock in serverNow');

const create = createRoute({
  method: 'post',
  path: '/sessions',
  tags: ['sessions'],
  request: { body: jsonBody(createSessionBodySchema) },
  responses: { 201: sessionResponse, ...errorResponses(400, 401, 403, 413, 415, 429) }
});

const createAssessment = createRoute({
  method: 'post',
  path: '/assessments',
  tags: ['sessions'],
  description: 'Two coding problems on one clock: creates a session per problem and returns the first.',
  request: { body: jsonBody(createAssessmentBodySchema) },
  responses: { 201: sessionResponse, ...errorResponses(400, 401, 403, 409, 413, 415, 429) }
});

const createBehavioral = createRoute({
  method: 'post',
  path: '/behavioral-mocks',
  tags: ['sessions'],
  description: 'A behavioral mock of 30 or 45 minutes: the prompts chosen, or 2–4 drawn by level and theme.',
  request: { body: jsonBody(createBehavioralMockBodySchema) },
  responses: { 201: sessionResponse, ...errorResponses(400, 401, 403, 409, 413, 415, 429) }
});

const list = createRoute({
  method: 'get',
  path: '/sessions',
  tags: ['sessions'],
  request: { query: sessionListQuerySchema },
  responses: { 200: jsonResponse(sessionListSchema, 'The user’s sessions, newest first'), ...errorResponses(400, 401) }
});

const read = createRoute({
  method: 'get',
  path: '/sessions/{id}',
  tags: ['sessions'],
  request: { params: idParamSchema },
  responses: { 200: sessionResponse, ...errorResponses(401, 404) }
});

const saveWork = createRoute({
  method: 'patch',
  path: '/sessions/{id}/work',
  tags: ['sessions'],
  request: { params: idParamSchema, body: jsonBody(workPatchBodySchema) },
  responses: {
    200: jsonResponse(workPatchResponseSchema, 'Saved: the new revision'),
    ...errorResponses(400, 401, 403, 404, 413, 415),
    409: jsonResponse(
      workConflictSchema,
      'CONFLICT: saved elsewhere first; `current` is the work as it now stands (revision, notes, scene). ' +
        'SESSION_LOCKED: the session has ended.'
    )
  }
});

const movePhase = createRoute({
  method: 'post',
  path: '/sessions/{id}/phases',
  tags: ['sessions'],
  request: { params: idParamSchema, body: jsonBody(phaseBodySchema) },
  responses: { 200: sessionResponse, ...errorResponses(400, 401, 403, 404, 409, 415) }
});

const submit = createRoute({
  method: 'post',
  path: '/sessions/{id}/submit',
  tags: ['sessions'],
  request: { params: idParamSchema },
  responses: { 200: sessionResponse, ...errorResponses(401, 403, 404) }
});

const snapshots = createRoute({
  method: 'get',
  path: '/sessions/{id}/snapshots',
  tags: ['sessions'],
  request: { params: idParamSchema },
  responses: {
    200: jsonResponse(snapshotListSchema, 'The work at each replay snapshot, oldest first'),
    ...errorResponses(401, 404)
  }
});

const createSubmission = createRoute({
  method: 'post',
  path: '/sessions/{id}/submissions',
  tags: ['sessions'],
  request: { params: idParamSchema, body: jsonBody(createSubmissionBodySchema) },
  responses: {
    201: jsonResponse(
      submissionTestsSchema,
      'The submission number and the hidden tests the candidate’s browser judges itself on (not the held-back ones)'
    ),
    ...errorResponses(400, 401, 403, 404, 409, 413, 415)
  }
});

const saveSubmissionResult = createRoute({
  method: 'put',
  path: '/sessions/{id}/submissions/{n}/result',
  tags: ['sessions'],
  request: { params: submissionParamsSchema, body: jsonBody(submissionResultBodySchema) },
  responses: {
    200: jsonResponse(
      submissionResultSchema,
      'The stored result (self-run), recorded once: a second report gets 409 RESULT_RECORDED'
    ),
    ...errorResponses(400, 401, 403, 404, 409, 415)
  }
});

const confirmationInputs = createRoute({
  method: 'get',
  path: '/sessions/{id}/submissions/{n}/confirmation-tests',
  tags: ['sessions'],
  description:
    'For a reviewer of the session only: the inputs of the confirmation tests the candidate never received. ' +
    'Their expected outputs stay on the server.',
  request: { params: submissionParamsSchema },
  responses: {
    200: jsonResponse(confirmationInputsSchema, 'The submission number and the confirmation tests’ inputs'),
    ...errorResponses(400, 401, 403, 404)
  }
});

const confirmSubmission = createRoute({
  method: 'put',
  path: '/sessions/{id}/submissions/{n}/confirmation',
  tags: ['sessions'],
  description:
    'For a reviewer of the session only: the outputs the reviewer’s browser produced on the confirmation tests. ' +
    'The server judges them and records the result once (peer-confirmed).',
  request: { params: submissionParamsSchema, body: jsonBody(confirmationBodySchema) },
  responses: {
    200: jsonResponse(recordedConfirmationSchema, 'The recorded confirmation'),
    ...errorResponses(400, 401, 403, 404, 409, 413, 415)
  }
});

const listSubmissions = createRoute({
  method: 'get',
  path: '/sessions/{id}/submissions',
  tags: ['sessions'],
  request: { params: idParamSchema },
  responses: {
    200: jsonResponse(submissionListSchema, 'Every submission with its result'),
    ...errorResponses(401, 404)
  }
});

const selfScore = createRoute({
  method: 'put',
  path: '/sessions/{id}/scores/self',
  tags: ['sessions'],
  request: { params: idParamSchema, body: jsonBody(selfScoreBodySchema) },
  responses: { 200: sessionResponse, ...errorResponses(400, 401, 403, 404, 409, 415) }
});

const remove = createRoute({
  method: 'delete',
  path: '/sessions/{id}',
  tags: ['sessions'],
  description:
    'The candidate deletes their session with everything kept for it: recording, scores, invites, submissions, ' +
    'the room and the replay. A round of an interview loop stays with its loop (409).',
  request: { params: idParamSchema },
  responses: {
    200: jsonResponse(deletedResponseSchema, 'The session is gone'),
    ...errorResponses(401, 403, 404, 409)
  }
});

const reference = createRoute({
  method: 'get',
  path: '/sessions/{id}/reference',
  tags: ['sessions'],
  request: { params: idParamSchema },
  responses: {
    200: jsonResponse(sessionReferenceSchema, 'The reference answer of a finished session'),
    ...errorResponses(401, 404, 409)
  }
});

const router = createRouter();
router.use('/sessions', signedIn());
router.use('/sessions/*', signedIn());
router.use('/assessments', signedIn());
router.use('/behavioral-mocks', signedIn());

export const sessionRoutes = router
  .openapi(remove, async (c) => {
    await c.var.services.owned.deleteSession(requireUser(c), c.req.valid('param').id);
    return c.json({ deleted: true as const }, 200);
  })
  .openapi(create, async (c) => {
    const { sessions } = c.var.services;
    const doc = await sessions.start(requireUser(c), c.req.valid('json'));
    return c.json({ session: await sessions.toResponse(doc) }, 201);
  })
  .openapi(createAssessment, async (c) => {
    const { sessions } = c.var.services;
    const doc = await sessions.startAssessment(requireUser(c), c.req.valid('json'));
    return c.json({ session: await sessions.toResponse(doc) }, 201);
  })
  .openapi(createBehavioral, async (c) => {
    const { sessions } = c.var.services;
    const doc = await sessions.startBehavioral(requireUser(c), c.req.valid('json'));
    return c.json({ session: await sessions.toResponse(doc) }, 201);
  })
  .openapi(list, async (c) => {
    const items = await c.var.services.sessions.list(requireUser(c), c.req.valid('query'));
    return c.json({ items }, 200);
  })
  .openapi(read, async (c) => {
    const { sessions } = c.var.services;
    const { doc, role } = await sessions.getReadable(requireUser(c), c.req.valid('param').id);
    return c.json({ session: await sessions.toResponse(doc, role) }, 200);
  })
  .openapi(saveWork, async (c) => {
    const saved = await c.var.services.sessions.saveWork(requireUser(c), c.req.valid('param').id, c.req.valid('json'));
    return c.json(saved, 200);
  })
  .openapi(movePhase, async (c) => {
    const { sessions } = c.var.services;
    const doc = await sessions.movePhase(requireUser(c), c.req.valid('param').id, c.req.valid('json').phaseId);
    return c.json({ session: await sessions.toResponse(doc) }, 200);
  })
  .openapi(submit, async (c) => {
    const { sessions } = c.var.services;
    const doc = await sessions.submit(requireUser(c), c.req.valid('param').id);
    return c.json({ session: await sessions.toResponse(doc) }, 200);
  })
  .openapi(createSubmission, async (c) => {
    const created = await c.var.services.sessions.createSubmission(
      requireUser(c),
      c.req.valid('param').id,
      c.req.valid('json')
    );
    return c.json(created, 201);
  })
  .openapi(saveSubmissionResult, async (c) => {
    const { id, n } = c.req.valid('param');
    const saved = await c.var.services.sessions.saveSubmissionResult(
      requireUser(c),
      id,
      n,
      c.req.valid('json').results
    );
    return c.json(saved, 200);
  })
  .openapi(confirmationInputs, async (c) => {
    const { id, n } = c.req.valid('param');
    return c.json(await c.var.services.sessions.confirmationInputs(requireUser(c), id, n), 200);
  })
  .openapi(confirmSubmission, async (c) => {
    const { id, n } = c.req.valid('param');
    const recorded = await c.var.services.sessions.confirmSubmission(requireUser(c), id, n, c.req.valid('json'));
    return c.json(recorded, 200);
  })
  .openapi(listSubmissions, async (c) => {
    const items = await c.var.services.sessions.submissions(requireUser(c), c.req.valid('param').id);
    return c.json({ items }, 200);
  })
  .openapi(snapshots, async (c) => {
    const items = await c.var.services.sessions.snapshots(requireUser(c), c.req.valid('param').id);
    return c.json({ items }, 200);
  })
  .openapi(reference, async (c) => {
    const found = await c.var.services.sessions.reference(requireUser(c), c.req.valid('param').id);
    return c.json({ reference: found }, 200);
  })
  .openapi(selfScore, async (c) => {
    const { sessions } = c.var.services;
    const doc = await sessions.saveSelfScore(requireUser(c), c.req.valid('param').id, c.req.valid('json'));
    return c.json({ session: await sessions.toResponse(doc) }, 200);
  });
