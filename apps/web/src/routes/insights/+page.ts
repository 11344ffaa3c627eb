import { api, load as loadApi } from '$lib/api.ts';
import { requireUser } from '$lib/require-user.ts';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ parent, url }) => {
  await parent();
  requireUser(url);
  const [insights, storyBank] = await Promise.all([loadApi(api.insights.$get()), loadApi(api.stories.summary.$get())]);
  return { insights, storyBank };
};
