import { api, load as loadApi } from '$lib/api.ts';
import { requireUser } from '$lib/require-user.ts';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ parent, url }) => {
  await parent();
  requireUser(url);
  const [record, given] = await Promise.all([
    loadApi(api.me['interviewer-record'].$get()),
    loadApi(api.sessions.$get({ query: { role: 'interviewer', limit: '10' } }))
  ]);
  return { record, given: given.items };
};
