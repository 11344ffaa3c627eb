import { redirect } from '@sveltejs/kit';
import { api, load as loadApi } from '$lib/api.ts';
import { requireUser } from '$lib/require-user.ts';
import { KIND_VIEWS } from '$lib/session/kind-views.ts';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ parent, params, url }) => {
  await parent();
  requireUser(url);
  const { session } = await loadApi(api.sessions[':id'].$get({ param: params }));
  const receivedAt = Date.now();
  if (session.role === 'reviewer') redirect(307, `/review/${params.id}`);
  if (session.status !== 'active') redirect(307, `/sessions/${params.id}/result`);
  // Each kind's page, loaded for its kind only (kind-views.ts).
  const { default: Mock } = await KIND_VIEWS[session.kind].mock();
  return { session, receivedAt, Mock };
};
