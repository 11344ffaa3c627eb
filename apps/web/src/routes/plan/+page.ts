import { api, load as loadApi } from '$lib/api.ts';
import { requireUser } from '$lib/require-user.ts';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ parent, url }) => {
  await parent();
  requireUser(url);
  const [roadmaps, { plan }, { profile }] = await Promise.all([
    loadApi(api.plan.roadmaps.$get()),
    loadApi(api.plan.$get()),
    loadApi(api.me.profile.$get())
  ]);
  const ledger = plan ? await loadApi(api.plan.ledger.$get()) : null;
  return { roadmaps: roadmaps.items, plan, profile, ledger };
};
