import type { Rubric } from '@mockloop/rubrics';
import { load as loadApi } from '$lib/api.ts';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ params, parent }) => {
  await parent();
  return loadApi<{ rubric: Rubric }>(`/api/rubrics/${params.id}`);
};
