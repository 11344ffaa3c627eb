import { api, load as loadApi } from '$lib/api.ts';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ params, parent }) => {
  await parent();
  const { question } = await loadApi(api.questions[':id'].$get({ param: params }));
  // The rubric's title for the link (a page shows names, not ids); the page still works without it.
  const rubric = await loadApi(api.rubrics[':id'].$get({ param: { id: question.rubricId } })).catch(() => null);
  return { question, rubricTitle: rubric?.rubric.title ?? null };
};
