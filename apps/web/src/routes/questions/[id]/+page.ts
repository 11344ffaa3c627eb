import type { PublicQuestion } from '@mockloop/contracts';
import { load as loadApi } from '$lib/api.ts';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ params, parent }) => {
  await parent();
  const { question } = await loadApi<{ question: PublicQuestion }>(`/api/questions/${params.id}`);
  // The rubric's title for the link (a page shows names, not ids); the page still works without it.
  const rubric = await loadApi<{ rubric: { title: string } }>(`/api/rubrics/${question.rubricId}`).catch(() => null);
  return { question, rubricTitle: rubric?.rubric.title ?? null };
};
