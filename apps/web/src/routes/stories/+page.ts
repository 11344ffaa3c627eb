import type { Story, StoryBankSummaryResponse } from '@mockloop/contracts';
import { load as loadApi } from '$lib/api.ts';
import { requireUser } from '$lib/require-user.ts';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ parent, url }) => {
  await parent();
  requireUser(url);
  const [{ items }, summary] = await Promise.all([
    loadApi<{ items: Story[] }>('/api/stories'),
    loadApi<StoryBankSummaryResponse>('/api/stories/summary')
  ]);
  return { stories: items, summary };
};
