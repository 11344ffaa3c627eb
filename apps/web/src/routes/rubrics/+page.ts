import type { Rubric } from '@mockloop/rubrics';
import { load as loadApi } from '$lib/api.ts';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ parent }) => {
  await parent();
  return loadApi<{ items: Rubric[]; competencies: { id: string; name: string; description: string }[] }>(
    '/api/rubrics'
  );
};
