/** A page-load guard: send visitors who are not signed in to /signin, and back here afterwards. */
import { redirect } from '@sveltejs/kit';
import type { User } from '@mockloop/contracts';
import { currentUser } from './current-user.svelte.ts';

export function requireUser(url: URL): User {
  if (!currentUser.user) redirect(307, `/signin?next=${encodeURIComponent(url.pathname + url.search)}`);
  return currentUser.user;
}
