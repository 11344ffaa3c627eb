import type { SessionSummary } from '@mockloop/contracts';
import { load as loadApi } from '$lib/api.ts';
import { requireUser } from '$lib/require-user.ts';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ parent, url }) => {
  await parent();
  const user = requireUser(url);
  const { items } = await loadApi<{ items: SessionSummary[] }>('/api/sessions?limit=10');
  return { user, sessions: items };
};
