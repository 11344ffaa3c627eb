import type { Insights, StoryBankSummaryResponse } from '@mockloop/contracts';
import { load as loadApi } from '$lib/api.ts';
import { requireUser } from '$lib/require-user.ts';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ parent, url }) => {
  await parent();
  requireUser(url);
  const [insights, storyBank] = await Promise.all([
    loadApi<Insights>('/api/insights'),
    loadApi<StoryBankSummaryResponse>('/api/stories/summary')
  ]);
  return { insights, storyBank };
};
