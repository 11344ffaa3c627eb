import { api, load as loadApi } from '$lib/api.ts';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ parent }) => {
  await parent();
  return loadApi(api.rubrics.$get());
};
