/** Accounts and sign-in sessions: argon2id password hashes, random session tokens stored as SHA-256 hashes. */
import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { SignInBody, SignUpBody, User } from '@mockloop/contracts';
import type { SignedInUser, UserDoc } from '../db/client.ts';
import { newId } from '../db/ids.ts';
import type { Repositories } from '../db/repositories.ts';
import { ApiError } from '../errors.ts';

export const SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000;

/** A hash computed once, so a sign-in for an unknown e-mail costs as much as one for a known one. */
const dummyHash = hash('mockloop-timing-equaliser');

export function toUser(doc: SignedInUser): User {
  return { id: doc._id.toHexString(), email: doc.email, name: doc.name, createdAt: doc.createdAt.toISOString() };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export interface SignedIn {
  user: User;
  /** The raw session token for the cookie; only its hash is stored. */
  token: string;
  expiresAt: Date;
}

export function createAuthService(repos: Repositories, now: () => Date = () => new Date()) {
  const { users, authSessions } = repos;
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
    async signUp(body: SignUpBody): Promise<SignedIn> {
      const doc: UserDoc = {
        _id: newId(),
        email: body.email,
        emailKey: body.email.toLowerCase(),
        name: body.name,
        passwordHash: await hash(body.password),
        createdAt: now()
      };
      if (!(await users.insert(doc))) {
        throw new ApiError(409, 'EMAIL_TAKEN', 'An account with this e-mail already exists. Sign in instead.', {
          email: 'Already registered'
        });
      }
      return { user: toUser(doc), ...(await openSession(doc)) };
    },

    async signIn(body: SignInBody): Promise<SignedIn> {
      const doc = await users.findByEmail(body.email);
      const ok = await verify(doc?.passwordHash ?? (await dummyHash), body.password);
      if (!doc || !ok) {
        throw new ApiError(401, 'INVALID_CREDENTIALS', 'That e-mail and password do not match an account.');
      }
      return { user: toUser(doc), ...(await openSession(doc)) };
    },

    async signOut(token: string): Promise<void> {
      await authSessions.delete(hashToken(token));
    },

    /** The user a session token belongs to, or null when it is unknown or expired. */
    async userForToken(token: string): Promise<SignedInUser | null> {
      return (await this.sessionForToken(token))?.user ?? null;
    },

    /** The same with the session's expiry, for the middleware's cache. */
    async sessionForToken(token: string): Promise<{ user: SignedInUser; expiresAt: Date } | null> {
      const session = await authSessions.findByHash(hashToken(token));
      if (!session) return null;
      if (session.expiresAt.getTime() <= now().getTime()) {
        await authSessions.delete(session._id);
        return null;
      }
      const user = session.user ? { _id: session.userId, ...session.user } : await users.findById(session.userId);
      return user ? { user, expiresAt: session.expiresAt } : null;
    }
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
