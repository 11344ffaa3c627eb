import type { Insights } from '@mockloop/contracts';
import { load as loadApi } from '$lib/api.ts';
import { requireUser } from '$lib/require-user.ts';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ parent, url }) => {
  await parent();
  requireUser(url);
  return { insights: await loadApi<Insights>('/api/insights') };
};
