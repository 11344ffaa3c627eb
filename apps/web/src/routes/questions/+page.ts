import type { QuestionList } from '@mockloop/contracts';
import { load as loadApi } from '$lib/api.ts';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ url, parent }) => {
  await parent();
  const query = new URLSearchParams();
  for (const key of ['kind', 'level', 'difficulty', 'tag', 'q']) {
    const value = url.searchParams.get(key);
    if (value) query.set(key, value);
  }
  const list = await loadApi<QuestionList>(`/api/questions?${query}`);
  return { list, filters: Object.fromEntries(query) as Record<string, string> };
};
