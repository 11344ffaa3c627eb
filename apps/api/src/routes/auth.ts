/** Sign-up, sign-in, sign-out and the signed-in user. */
import { createRoute } from '@hono/zod-openapi';
import {
  authSessionResponseSchema,
  deleteAccountBodySchema,
  deletedResponseSchema,
  okResponseSchema,
  passwordResetBodySchema,
  profileResponseSchema,
  profileSchema,
  signInBodySchema,
  signUpBodySchema,
  signUpResponseSchema,
  userResponseSchema
} from '@mockloop/contracts';
import { getCookie } from 'hono/cookie';
import {
  clearSessionCookie,
  requireUser,
  SESSION_COOKIE,
  setSessionCookie,
  endSession,
  signedIn
} from '../middleware/session.ts';
import { clientAddress } from '../proxy-trust.ts';
import { toUser } from '../services/auth.ts';
import { createRouter, errorResponses, jsonBody, jsonResponse } from './openapi.ts';

const signUp = createRoute({
  method: 'post',
  path: '/auth/signup',
  tags: ['auth'],
  request: { body: jsonBody(signUpBodySchema) },
  responses: {
    202: jsonResponse(
      signUpResponseSchema,
      'The same answer whether or not the e-mail already had an account (no enumeration): sign in next'
    ),
    ...errorResponses(400, 403, 413, 415, 429)
  }
});

const signIn = createRoute({
  method: 'post',
  path: '/auth/signin',
  tags: ['auth'],
  request: { body: jsonBody(signInBodySchema) },
  responses: {
    200: jsonResponse(userResponseSchema, 'Signed in (sets the session cookie)'),
    ...errorResponses(400, 401, 403, 413, 415, 429)
  }
});

const signOut = createRoute({
  method: 'post',
  path: '/auth/signout',
  tags: ['auth'],
  responses: {
    200: jsonResponse(okResponseSchema, 'Signed out; the session is revoked'),
    ...errorResponses(403)
  }
});

const passwordReset = createRoute({
  method: 'post',
  path: '/auth/password-reset',
  tags: ['auth'],
  request: { body: jsonBody(passwordResetBodySchema) },
  responses: {
    200: jsonResponse(
      okResponseSchema,
      'The new password is set; the link is used up and the account is signed out everywhere'
    ),
    ...errorResponses(400, 403, 413, 415, 429)
  }
});

const me = createRoute({
  method: 'get',
  path: '/me',
  tags: ['auth'],
  responses: {
    200: jsonResponse(userResponseSchema, 'The signed-in user'),
    ...errorResponses(401)
  }
});

const whoAmI = createRoute({
  method: 'get',
  path: '/auth/session',
  tags: ['auth'],
  responses: { 200: jsonResponse(authSessionResponseSchema, 'The signed-in user, or null for nobody (never a 401)') }
});

const getProfile = createRoute({
  method: 'get',
  path: '/me/profile',
  tags: ['auth'],
  responses: {
    200: jsonResponse(profileResponseSchema, 'The goal set at onboarding, or null before one is set'),
    ...errorResponses(401)
  }
});

const putProfile = createRoute({
  method: 'put',
  path: '/me/profile',
  tags: ['auth'],
  request: { body: jsonBody(profileSchema) },
  responses: {
    200: jsonResponse(profileResponseSchema, 'The goal, saved'),
    ...errorResponses(400, 401, 403, 413, 415)
  }
});

const deleteAccount = createRoute({
  method: 'delete',
  path: '/me/account',
  tags: ['auth'],
  description:
    'Deletes the account and everything of it (sessions, recordings, stories, plan, loops), once the password is confirmed; every sign-in of it ends.',
  request: { body: jsonBody(deleteAccountBodySchema) },
  responses: {
    200: jsonResponse(deletedResponseSchema, 'The account is gone'),
    ...errorResponses(400, 401, 403, 413, 415)
  }
});

const router = createRouter();
// Anonymous callers get 401 before their body is read.
router.use('/me/*', signedIn());

export const authRoutes = router
  .openapi(signUp, async (c) => {
    await c.var.services.auth.signUp(c.req.valid('json'), clientAddress(c));
    const message = 'If this e-mail address was free, its account is ready. Sign in with it.';
    return c.json({ accepted: true as const, message }, 202);
  })
  .openapi(signIn, async (c) => {
    const signedIn = await c.var.services.auth.signIn(c.req.valid('json'), clientAddress(c));
    setSessionCookie(c, signedIn.token, signedIn.expiresAt);
    return c.json({ user: signedIn.user }, 200);
  })
  .openapi(signOut, async (c) => {
    const token = getCookie(c, SESSION_COOKIE);
    if (token) await endSession(c, token);
    clearSessionCookie(c);
    return c.json({ ok: true as const }, 200);
  })
  .openapi(passwordReset, async (c) => {
    await c.var.services.auth.resetPassword(c.req.valid('json'), clientAddress(c));
    return c.json({ ok: true as const }, 200);
  })
  .openapi(me, (c) => c.json({ user: toUser(requireUser(c)) }, 200))
  .openapi(deleteAccount, async (c) => {
    await c.var.services.owned.deleteAccount(requireUser(c), c.req.valid('json').password);
    clearSessionCookie(c);
    return c.json({ deleted: true as const }, 200);
  })
  .openapi(whoAmI, (c) => c.json({ user: c.var.user ? toUser(c.var.user) : null }, 200))
  .openapi(getProfile, async (c) => c.json({ profile: await c.var.services.profiles.get(requireUser(c)._id) }, 200))
  .openapi(putProfile, async (c) =>
    c.json({ profile: await c.var.services.profiles.set(requireUser(c)._id, c.req.valid('json')) }, 200)
  );
