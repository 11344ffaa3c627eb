import { api, load as loadApi } from '$lib/api.ts';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ url, parent }) => {
  await parent();
  const query: Record<string, string> = {};
  for (const key of ['kind', 'level', 'difficulty', 'tag', 'q']) {
    const value = url.searchParams.get(key);
    if (value) query[key] = value;
  }
  const list = await loadApi(api.questions.$get({ query }));
  return { list, filters: query };
};
