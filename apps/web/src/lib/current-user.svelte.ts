/** The signed-in user, shared by every page; loaded once from /api/me. */
import type { User, UserResponse } from '@mockloop/contracts';
import { api, ApiRequestError } from './api.ts';

class CurrentUser {
  user = $state<User | null>(null);
  loaded = $state(false);

  async load(): Promise<User | null> {
    try {
      this.user = (await api<UserResponse>('GET', '/api/me')).user;
    } catch (error) {
      if (!(error instanceof ApiRequestError) || error.status !== 401) throw error;
      this.user = null;
    }
    this.loaded = true;
    return this.user;
  }

  set(user: User | null): void {
    this.user = user;
    this.loaded = true;
  }
}

export const currentUser = new CurrentUser();
