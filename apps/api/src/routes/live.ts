/** The live room of a session: its state, chat, interviewer notes, reveals, the candidate's drafts, and the events stream. */
import { createRoute, z } from '@hono/zod-openapi';
import {
  chatBodySchema,
  draftBodySchema,
  eventsQuerySchema,
  idParamSchema,
  interviewerNoteBodySchema,
  okResponseSchema,
  revealBodySchema,
  roomItemResponseSchema,
  roomQuerySchema,
  roomResponseSchema,
  runBodySchema
} from '@mockloop/contracts';
import { getCookie } from 'hono/cookie';
import { streamSSE } from 'hono/streaming';
import { ApiError } from '../errors.ts';
import { requireUser, SESSION_COOKIE, signedIn } from '../middleware/session.ts';
import { runConnection } from '../services/live/connection.ts';
import { createRouter, errorResponses, jsonBody, jsonResponse } from './openapi.ts';

const itemResponse = jsonResponse(roomItemResponseSchema, 'The item as stored, pinned to the moment it was written');

const readRoom = createRoute({
  method: 'get',
  path: '/sessions/{id}/room',
  tags: ['live'],
  request: { params: idParamSchema, query: roomQuerySchema },
  responses: {
    200: jsonResponse(roomResponseSchema, 'The room as the caller may see it, a page of it at a time'),
    ...errorResponses(400, 401, 404)
  }
});

const events = createRoute({
  method: 'get',
  path: '/sessions/{id}/events',
  tags: ['live'],
  description:
    'Server-sent events: each `data:` line is a JSON event (`liveEventSchema`), with `id:` its number. ' +
    'Reconnect with Last-Event-ID (the browser does) or `?after=` the room’s eventSeq to miss nothing.',
  request: { params: idParamSchema, query: eventsQuerySchema },
  responses: {
    200: { description: 'The stream', content: { 'text/event-stream': { schema: z.string() } } },
    ...errorResponses(400, 401, 404, 429)
  }
});

/** A POST that writes one item into the room and answers it, pinned to the moment it was written. */
function itemRoute<P extends string, B extends z.ZodType>(
  path: P,
  body: B,
  description: string,
  errors: Parameters<typeof errorResponses>
) {
  return createRoute({
    method: 'post',
    path: `/sessions/{id}/${path}` as const,
    tags: ['live'],
    description,
    request: { params: idParamSchema, body: jsonBody(body) },
    responses: { 201: itemResponse, ...errorResponses(...errors) }
  });
}

const chat = itemRoute(
  'chat',
  chatBodySchema,
  'A message to the room while the session runs; the same `clientId` again answers the item first stored.',
  [400, 401, 404, 409, 413, 415, 429]
);
const note = itemRoute(
  'interviewer-notes',
  interviewerNoteBodySchema,
  'An interviewer’s note, pinned to now; the candidate reads it once the session is over.',
  [400, 401, 403, 404, 413, 415]
);
const reveal = itemRoute(
  'reveals',
  revealBodySchema,
  'Shows one of the prompt’s follow-ups or hints to the candidate.',
  [400, 401, 403, 404, 409, 415]
);
const run = itemRoute(
  'runs',
  runBodySchema,
  'A Run’s results on the examples (coding), kept and pushed to the interviewers.',
  [400, 401, 404, 409, 413, 415]
);

const draft = createRoute({
  method: 'post',
  path: '/sessions/{id}/drafts',
  tags: ['live'],
  description: 'The candidate’s work as typed, pushed to the interviewers; autosave (PATCH …/work) keeps it.',
  request: { params: idParamSchema, body: jsonBody(draftBodySchema) },
  responses: {
    202: jsonResponse(okResponseSchema, 'Sent to the room'),
    ...errorResponses(400, 401, 403, 404, 409, 413, 415)
  }
});

/** Last-Event-ID as the browser resends it; anything else is ignored rather than refused. */
function lastEventId(header: string | undefined): number | null {
  return header && /^\d{1,15}$/.test(header) ? Number(header) : null;
}

const router = createRouter();
router.use('/sessions/*', signedIn());

export const liveRoutes = router
  .openapi(readRoom, async (c) => {
    return c.json(await c.var.services.room.state(requireUser(c), c.req.valid('param').id, c.req.valid('query')), 200);
  })
  .openapi(events, async (c) => {
    const { room, hub, streams, auth } = c.var.services;
    const user = requireUser(c);
    if (hub.closed) throw new ApiError(503, 'SERVER_STOPPING', 'This server is stopping. Reconnect in a moment.');
    // A few streams a person and session (429 past them, before any database read), and none once the sign-in
    // it opened with is gone. Refused before the stream opens: a stranger gets a plain 404 and no stream.
    const { id } = c.req.valid('param');
    const release = streams.acquire(user._id.toHexString(), id);
    let entered: Awaited<ReturnType<typeof room.enter>>;
    try {
      entered = await room.enter(user, id);
    } catch (error) {
      release();
      throw error;
    }
    const { doc, role } = entered;
    const after = lastEventId(c.req.header('last-event-id')) ?? c.req.valid('query').after ?? null;
    const token = getCookie(c, SESSION_COOKIE) ?? '';
    const response = streamSSE(c, async (stream) => {
      try {
        await stream.write('retry: 1000\n\n');
        await runConnection({
          user,
          session: doc,
          role,
          after,
          room,
          hub,
          now: c.var.services.now,
          signedIn: async () => (await auth.userForToken(token)) !== null,
          sink: {
            send: (event, id) =>
              stream.writeSSE({ data: JSON.stringify(event), ...(id === undefined ? {} : { id: String(id) }) }),
            ping: async () => void (await stream.write(': ping\n\n')),
            close: () => stream.abort(),
            get aborted() {
              return stream.aborted || stream.closed;
            },
            onAbort: (listener) => stream.onAbort(listener)
          }
        });
      } catch (error) {
        // A stream its client already left, or that the server is closing, fails quietly (its database may be
        // gone); any other failure is logged by the stream's handler.
        if (!stream.aborted && !hub.closed) throw error;
      } finally {
        release();
      }
    });
    // The stream is not JSON: the route's declared response is documentation only.
    return response as never;
  })
  .openapi(chat, async (c) => {
    const { text, clientId } = c.req.valid('json');
    const item = await c.var.services.room.say(requireUser(c), c.req.valid('param').id, text, clientId);
    return c.json({ item }, 201);
  })
  .openapi(note, async (c) => {
    const { text, clientId } = c.req.valid('json');
    const item = await c.var.services.room.note(requireUser(c), c.req.valid('param').id, text, clientId);
    return c.json({ item }, 201);
  })
  .openapi(reveal, async (c) => {
    const item = await c.var.services.room.reveal(requireUser(c), c.req.valid('param').id, c.req.valid('json'));
    return c.json({ item }, 201);
  })
  .openapi(run, async (c) => {
    const item = await c.var.services.room.run(requireUser(c), c.req.valid('param').id, c.req.valid('json'));
    return c.json({ item }, 201);
  })
  .openapi(draft, async (c) => {
    await c.var.services.room.draft(requireUser(c), c.req.valid('param').id, c.req.valid('json'));
    return c.json({ ok: true as const }, 202);
  });
