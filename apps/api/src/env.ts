/** What every route handler can reach: the services, and the signed-in user once `session()` has run. */
import type { Database, SignedInUser } from './db/client.ts';
import type { AuthService } from './services/auth.ts';
import type { Catalog } from './services/catalog.ts';
import type { ReviewService } from './services/reviews.ts';
import type { SessionService } from './services/sessions/index.ts';
import type { UserDataService } from './services/user-data.ts';
import type { RateLimiter, RateLimitRule } from './services/rate-limit.ts';

export interface Services {
  db: Database;
  auth: AuthService;
  catalog: Catalog;
  sessions: SessionService;
  reviews: ReviewService;
  userData: UserDataService;
  rateLimiter: RateLimiter;
  limits: { signInPerEmail: RateLimitRule; signInPerAddress: RateLimitRule };
  /** Trust X-Forwarded-For / X-Forwarded-Proto (set when a proxy we control sits in front). */
  trustProxy: boolean;
}

export interface AppEnv {
  Variables: {
    services: Services;
    user: SignedInUser | null;
  };
}
