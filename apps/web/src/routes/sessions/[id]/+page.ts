import { redirect } from '@sveltejs/kit';
import { api, load as loadApi } from '$lib/api.ts';
import { loadMonaco } from '$lib/coding/monaco.ts';
import { requireUser } from '$lib/require-user.ts';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ parent, params, url }) => {
  await parent();
  requireUser(url);
  const { session } = await loadApi(api.sessions[':id'].$get({ param: params }));
  if (session.role === 'reviewer') redirect(307, `/review/${params.id}`);
  if (session.status !== 'active') redirect(307, `/sessions/${params.id}/result`);
  // The editor's code starts loading now, while the page renders the problem (on a hovered link, before the click).
  if (session.kind === 'coding') void loadMonaco().catch(() => {});
  return { session, receivedAt: Date.now() };
};
