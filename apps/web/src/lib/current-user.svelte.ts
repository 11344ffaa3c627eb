/** The signed-in user, shared by every page; loaded once from /api/auth/session (null for nobody, not a 401). */
import type { User } from '@mockloop/contracts';
import { api, call } from './api.ts';

class CurrentUser {
  user = $state<User | null>(null);
  loaded = $state(false);

  async load(): Promise<User | null> {
    this.user = (await call(api.auth.session.$get())).user;
    this.loaded = true;
    return this.user;
  }

  set(user: User | null): void {
    this.user = user;
    this.loaded = true;
  }
}

export const currentUser = new CurrentUser();
