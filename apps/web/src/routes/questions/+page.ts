import { api, load as loadApi } from '$lib/api.ts';
import { currentUser } from '$lib/current-user.svelte.ts';
import type { PageLoad } from './$types';

/** Filters the API applies; the page narrows further by pattern, topic, roadmap and progress (question-list.ts). */
const SERVER_FILTERS = ['kind', 'level', 'difficulty', 'q'] as const;
const PAGE_FILTERS = ['pattern', 'topic', 'roadmap', 'progress'] as const;

export const load: PageLoad = async ({ url, parent }) => {
  await parent();
  const query: Record<string, string> = {};
  for (const key of SERVER_FILTERS) {
    const value = url.searchParams.get(key);
    if (value) query[key] = value;
  }
  const narrow: Record<string, string> = {};
  for (const key of PAGE_FILTERS) {
    const value = url.searchParams.get(key);
    if (value) narrow[key] = value;
  }
  // The whole bank in one list (164 questions): the page's own filters work on all of it.
  const [list, sessions] = await Promise.all([
    loadApi(api.questions.$get({ query: { ...query, limit: '500' } })),
    currentUser.user
      ? loadApi(api.sessions.$get({ query: { role: 'candidate', limit: '200' } })).then((r) => r.items)
      : []
  ]);
  return { list, sessions, filters: { ...query, ...narrow } };
};
