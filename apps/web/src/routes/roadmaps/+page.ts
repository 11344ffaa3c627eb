import { api, call } from '$lib/api.ts';
import { currentUser } from '$lib/current-user.svelte.ts';
import type { PageLoad } from './$types';

/** The signed-in user's plan, so the units it holds link to their place in it; null otherwise. */
export const load: PageLoad = async ({ parent }) => {
  await parent();
  if (!currentUser.user) return { plan: null };
  const { plan } = await call(api.plan.$get()).catch(() => ({ plan: null }));
  return { plan };
};
