import { api, load as loadApi } from '$lib/api.ts';
import { requireUser } from '$lib/require-user.ts';
import type { PageLoad } from './$types';

// The loop as the viewer may see it (the server applies the blind rule): its candidate or one of its interviewers.
export const load: PageLoad = async ({ parent, params, url }) => {
  await parent();
  requireUser(url);
  const { loop } = await loadApi(api.loops[':id'].$get({ param: params }));
  return { loop };
};
