/**
 * Accounts and sign-in sessions: argon2id password hashes, random session tokens stored as SHA-256 hashes, and the
 * limits on guessing. Neither sign-up nor sign-in says whether an e-mail has an account. The one owner of "who is
 * signed in": it keeps this instance's session cache and the sign-outs every instance reads (session-cache.ts);
 * the middleware only asks it.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { PasswordResetBody, SignInBody, SignUpBody, User } from '@mockloop/contracts';
import type { ObjectId } from 'mongodb';
import type { SignedInUser, UserDoc } from '../db/client.ts';
import { newId, parseObjectId } from '../db/ids.ts';
import type { Repositories } from '../db/repositories.ts';
import { ApiError } from '../errors.ts';
import { passwordWeakness } from './password-policy.ts';
import type { RateLimiter, RateLimitRule } from './rate-limit.ts';
import { createSessionCache, type SessionCacheOptions } from './session-cache.ts';

export const SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000;
/** How long a password-reset link works. */
export const RESET_TTL_MS = 60 * 60 * 1000;

const resetLinkInvalid = () =>
  new ApiError(
    400,
    'RESET_LINK_INVALID',
    'This reset link has expired or was already used. Ask the owner of this MockLoop for a new one.'
  );

/** A hash computed once, so a sign-in for an unknown e-mail costs as much as one for a known one. */
const dummyHash = hash('mockloop-timing-equaliser');

export function toUser(doc: SignedInUser): User {
  return { id: doc._id.toHexString(), email: doc.email, name: doc.name, createdAt: doc.createdAt.toISOString() };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * A one-time password-reset link's token for the account with this e-mail, or null when there is none. Only the
 * SHA-256 of its secret is stored; it works for an hour, once, and a newer one replaces it. Issued by the
 * instance's owner (`npm run user:reset-password`), for instances that send no e-mail.
 */
export async function issuePasswordReset(
  users: Pick<Repositories['users'], 'findByEmail' | 'setPasswordReset'>,
  email: string,
  now: Date = new Date()
): Promise<{ token: string; expiresAt: Date } | null> {
  const doc = await users.findByEmail(email.trim().toLowerCase());
  if (!doc) return null;
  const secret = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + RESET_TTL_MS);
  await users.setPasswordReset(doc._id, { secretHash: hashToken(secret), expiresAt });
  return { token: `${doc._id.toHexString()}.${secret}`, expiresAt };
}

export interface SignedIn {
  user: User;
  /** The raw session token for the cookie; only its hash is stored. */
  token: string;
  expiresAt: Date;
}

export interface AuthLimits {
  /** Wrong passwords for one e-mail from one address (a stranger elsewhere cannot lock the owner out). */
  signInPerAddressAndEmail: RateLimitRule;
  /** Sign-in attempts from one address, whatever the e-mail. */
  signInPerAddress: RateLimitRule;
  /** Sign-ups from one address. */
  signUpPerAddress: RateLimitRule;
}

export interface AuthServiceOptions {
  repos: Pick<Repositories, 'users' | 'authSessions' | 'authRevocations'>;
  rateLimiter: Pick<RateLimiter, 'hit'>;
  limits: AuthLimits;
  now?: () => Date;
  /** The session cache's timings (tests shorten them). */
  sessionCache?: Partial<SessionCacheOptions>;
}

export function createAuthService({
  repos,
  rateLimiter,
  limits,
  now = () => new Date(),
  sessionCache
}: AuthServiceOptions) {
  const { users, authSessions, authRevocations } = repos;
  const cache = createSessionCache(authRevocations, sessionCache);

  /** The session a token opened, read from the database, or null when it is unknown or expired. */
  async function sessionForToken(token: string): Promise<{ user: SignedInUser; expiresAt: Date } | null> {
    const session = await authSessions.findByHash(hashToken(token));
    if (!session) return null;
    if (session.expiresAt.getTime() <= now().getTime()) {
      await authSessions.delete(session._id);
      return null;
    }
    const user = session.user ? { _id: session.userId, ...session.user } : await users.findById(session.userId);
    return user ? { user, expiresAt: session.expiresAt } : null;
  }

  async function openSession(account: UserDoc): Promise<{ token: string; expiresAt: Date }> {
    const token = randomBytes(32).toString('base64url');
    const createdAt = now();
    const expiresAt = new Date(createdAt.getTime() + SESSION_TTL_MS);
    const { _id: userId, email, emailKey, name, createdAt: joinedAt } = account;
    await authSessions.insert({
      _id: hashToken(token),
      userId,
      user: { email, emailKey, name, createdAt: joinedAt },
      createdAt,
      expiresAt
    });
    return { token, expiresAt };
  }

  return {
    /**
     * Creates the account. The answer is the same whether or not the e-mail was free (and costs the same hash),
     * so sign-up cannot be used to find out who has an account; the client signs in next, like anyone else.
     */
    async signUp(body: SignUpBody, address: string): Promise<void> {
      await rateLimiter.hit(`signup:${address}`, limits.signUpPerAddress);
      const weakness = await passwordWeakness(body.password, [body.email, body.name]);
      if (weakness) throw new ApiError(400, 'WEAK_PASSWORD', weakness, { password: weakness });
      const doc: UserDoc = {
        _id: newId(),
        email: body.email,
        emailKey: body.email.toLowerCase(),
        name: body.name,
        passwordHash: await hash(body.password),
        createdAt: now()
      };
      // Already registered: the owner signs in with their own password; nobody else learns anything.
      await users.insert(doc);
    },

    /**
     * Checks the password, at most `limit` times per window for one e-mail from one address, and at most
     * `signInPerAddress` times from one address. The attempt is counted before the check (so parallel guesses
     * cannot overrun the limit) and given back when the password was right.
     */
    async signIn(body: SignInBody, address: string): Promise<SignedIn> {
      const emailKey = body.email.toLowerCase();
      const perEmail = await rateLimiter.hit(`signin:${address}:${emailKey}`, limits.signInPerAddressAndEmail);
      const perAddress = await rateLimiter.hit(`signin:${address}`, limits.signInPerAddress);
      const doc = await users.findByEmail(emailKey);
      const ok = await verify(doc?.passwordHash ?? (await dummyHash), body.password);
      if (!doc || !ok) {
        throw new ApiError(401, 'INVALID_CREDENTIALS', 'That e-mail and password do not match an account.');
      }
      await Promise.all([perEmail.release(), perAddress.release()]);
      return { user: toUser(doc), ...(await openSession(doc)) };
    },

    /**
     * Sets a new password with a reset link's token, uses the link up, and signs the account out everywhere (a
     * reset is what someone does when they fear another has the password).
     */
    async resetPassword(body: PasswordResetBody, address: string): Promise<void> {
      await rateLimiter.hit(`reset:${address}`, limits.signInPerAddress);
      const [idHex = '', secret = ''] = body.token.split('.');
      const userId = parseObjectId(idHex);
      if (!userId || !secret) throw resetLinkInvalid();
      const doc = await users.findForReset(userId);
      const stored = doc?.passwordReset;
      const given = Buffer.from(hashToken(secret));
      if (
        !doc ||
        !stored ||
        stored.expiresAt.getTime() <= now().getTime() ||
        !timingSafeEqual(given, Buffer.from(stored.secretHash))
      ) {
        throw resetLinkInvalid();
      }
      const weakness = await passwordWeakness(body.password, [doc.email, doc.name]);
      if (weakness) throw new ApiError(400, 'WEAK_PASSWORD', weakness, { password: weakness });
      const done = await users.completePasswordReset(userId, stored.secretHash, await hash(body.password), now());
      if (!done) throw resetLinkInvalid();
      for (const tokenHash of await authSessions.deleteAllOf(userId)) await cache.revoke(tokenHash);
    },

    /** Whether `password` is the account's: a step that cannot be undone (deleting the account) asks for it. */
    async confirmPassword(userId: ObjectId, password: string): Promise<void> {
      const stored = await users.passwordHashOf(userId);
      if (!stored || !(await verify(stored, password))) {
        throw new ApiError(401, 'INVALID_CREDENTIALS', 'That password is not this account’s.', {
          password: 'Not this account’s password'
        });
      }
    },

    /** Ends every sign-in of an account on every instance (its open streams end with them). */
    async endEverySignIn(userId: ObjectId): Promise<void> {
      for (const tokenHash of await authSessions.deleteAllOf(userId)) await cache.revoke(tokenHash);
    },

    /** Ends a sign-in session on every instance: when this resolves, none of them accepts the token. */
    async signOut(token: string): Promise<void> {
      const tokenHash = hashToken(token);
      await authSessions.delete(tokenHash);
      await cache.revoke(tokenHash);
    },

    /** The user a session token belongs to, or null when it is unknown, expired or signed out (cached). */
    async userForToken(token: string): Promise<SignedInUser | null> {
      return cache.userForToken(hashToken(token), () => sessionForToken(token));
    },

    /** Stops reading the sign-outs (the instance is shutting down). */
    stop(): void {
      cache.stop();
    }
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
