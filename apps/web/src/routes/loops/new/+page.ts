import { api, load as loadApi } from '$lib/api.ts';
import { requireUser } from '$lib/require-user.ts';
import type { PageLoad } from './$types';

// The templates by level, and the bank's questions so a round's question can be chosen (or left to MockLoop).
export const load: PageLoad = async ({ parent, url }) => {
  await parent();
  const user = requireUser(url);
  const [templates, questions] = await Promise.all([
    loadApi(api['loop-templates'].$get()),
    loadApi(api.questions.$get({ query: { limit: '500' } }))
  ]);
  return { templates: templates.items, questions: questions.items, user };
};
