import { api, load as loadApi } from '$lib/api.ts';
import { requireUser } from '$lib/require-user.ts';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ parent, url }) => {
  await parent();
  requireUser(url);
  const query: Record<string, string> = { limit: '200' };
  for (const key of ['role', 'kind', 'status', 'from', 'to']) {
    const value = url.searchParams.get(key);
    if (value) query[key] = value;
  }
  const { items } = await loadApi(api.sessions.$get({ query }));
  return { sessions: items, filters: Object.fromEntries(url.searchParams) as Record<string, string> };
};
