import type { PublicQuestion } from '@mockloop/contracts';
import { load as loadApi } from '$lib/api.ts';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ params, parent }) => {
  await parent();
  const { question } = await loadApi<{ question: PublicQuestion }>(`/api/questions/${params.id}`);
  return { question };
};
