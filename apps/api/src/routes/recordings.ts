/** A session's voice recording: chunks uploaded while recording, the list of segments, each segment's audio. */
import { createRoute, z } from '@hono/zod-openapi';
import {
  deletedChunksResponseSchema,
  idParamSchema,
  RECORDING_MIME_TYPE,
  recordingChunkAckSchema,
  recordingChunkBodySchema,
  recordingSchema,
  recordingSegmentParamsSchema
} from '@mockloop/contracts';
import { requireUser, signedIn } from '../middleware/session.ts';
import { createRouter, errorResponses, jsonBody, jsonResponse } from './openapi.ts';

const saveChunk = createRoute({
  method: 'post',
  path: '/sessions/{id}/recording/chunks',
  tags: ['recordings'],
  description:
    'One chunk of the owner’s recording, acknowledged once stored. A retry of a stored chunk (same segment and ' +
    'seq) is acknowledged with `stored: false` and adds nothing. Past the session’s limit: 413 RECORDING_TOO_LARGE.',
  request: { params: idParamSchema, body: jsonBody(recordingChunkBodySchema) },
  responses: {
    200: jsonResponse(recordingChunkAckSchema, 'Stored (or already stored)'),
    ...errorResponses(400, 401, 403, 404, 409, 413, 415)
  }
});

const read = createRoute({
  method: 'get',
  path: '/sessions/{id}/recording',
  tags: ['recordings'],
  request: { params: idParamSchema },
  responses: {
    200: jsonResponse(recordingSchema, 'The recording’s segments, oldest first (none if nothing was recorded)'),
    ...errorResponses(401, 404)
  }
});

const segment = createRoute({
  method: 'get',
  path: '/sessions/{id}/recording/{segment}',
  tags: ['recordings'],
  request: { params: recordingSegmentParamsSchema },
  responses: {
    200: { description: 'The segment’s audio', content: { 'audio/webm': { schema: z.string() } } },
    ...errorResponses(400, 401, 404)
  }
});

const remove = createRoute({
  method: 'delete',
  path: '/sessions/{id}/recording',
  tags: ['recordings'],
  request: { params: idParamSchema },
  responses: {
    200: jsonResponse(deletedChunksResponseSchema, 'The recording is gone'),
    ...errorResponses(401, 403, 404)
  }
});

const router = createRouter();
router.use('/sessions/*', signedIn());

export const recordingRoutes = router
  .openapi(saveChunk, async (c) => {
    const ack = await c.var.services.recordings.saveChunk(requireUser(c), c.req.valid('param').id, c.req.valid('json'));
    return c.json(ack, 200);
  })
  .openapi(read, async (c) => {
    return c.json(await c.var.services.recordings.read(requireUser(c), c.req.valid('param').id), 200);
  })
  .openapi(segment, async (c) => {
    const { id, segment: n } = c.req.valid('param');
    const bytes = await c.var.services.recordings.segment(requireUser(c), id, n);
    // Audio is a document a page plays: it may not run or be framed, and the browser must not sniff it.
    const response = c.body(new Uint8Array(bytes), 200, {
      'Content-Type': RECORDING_MIME_TYPE,
      'Content-Length': String(bytes.length)
    });
    return response as never;
  })
  .openapi(remove, async (c) => {
    const deletedChunks = await c.var.services.recordings.remove(requireUser(c), c.req.valid('param').id);
    return c.json({ deletedChunks }, 200);
  });
