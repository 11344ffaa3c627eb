import type { ProfileResponse, QuestionList, SessionSummary } from '@mockloop/contracts';
import { load as loadApi } from '$lib/api.ts';
import { requireUser } from '$lib/require-user.ts';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ parent, url }) => {
  await parent();
  const user = requireUser(url);
  const [sessions, prompts, { profile }] = await Promise.all([
    loadApi<{ items: SessionSummary[] }>('/api/sessions?limit=10'),
    loadApi<QuestionList>('/api/questions?kind=design&limit=500'),
    loadApi<ProfileResponse>('/api/me/profile')
  ]);
  return { user, sessions: sessions.items, prompts: prompts.items, profile };
};
