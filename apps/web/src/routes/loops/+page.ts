import { api, load as loadApi } from '$lib/api.ts';
import { requireUser } from '$lib/require-user.ts';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ parent, url }) => {
  await parent();
  requireUser(url);
  const { items } = await loadApi(api.loops.$get());
  return { loops: items };
};
