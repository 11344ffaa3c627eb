import { redirect } from '@sveltejs/kit';
import { api, load as loadApi } from '$lib/api.ts';
import { requireUser } from '$lib/require-user.ts';
import { KIND_VIEWS } from '$lib/session/kind-views.ts';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ parent, params, url }) => {
  await parent();
  requireUser(url);
  const { session } = await loadApi(api.sessions[':id'].$get({ param: params }));
  if (session.role === 'reviewer') redirect(307, `/review/${params.id}`);
  if (session.status === 'active') redirect(307, `/sessions/${params.id}`);
  // The part of the result that is the kind's own (kind-views.ts), loaded for its kind only.
  const { default: Result } = await KIND_VIEWS[session.kind].result();
  return { session, Result };
};
