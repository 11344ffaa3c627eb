import { api, load as loadApi } from '$lib/api.ts';
import { planToday } from '$lib/plan/plan-today.ts';
import { requireUser } from '$lib/require-user.ts';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ parent, url }) => {
  await parent();
  const user = requireUser(url);
  const [sessions, prompts, { profile }, today] = await Promise.all([
    loadApi(api.sessions.$get({ query: { limit: '10' } })),
    loadApi(api.questions.$get({ query: { kind: 'design', limit: '500' } })),
    loadApi(api.me.profile.$get()),
    planToday()
  ]);
  return { user, sessions: sessions.items, prompts: prompts.items, profile, today };
};
