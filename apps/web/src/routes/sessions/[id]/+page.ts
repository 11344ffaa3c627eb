import { redirect } from '@sveltejs/kit';
import type { Session } from '@mockloop/contracts';
import { load as loadApi } from '$lib/api.ts';
import { requireUser } from '$lib/require-user.ts';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ parent, params, url }) => {
  await parent();
  requireUser(url);
  const { session } = await loadApi<{ session: Session }>(`/api/sessions/${params.id}`);
  if (session.role === 'reviewer') redirect(307, `/review/${params.id}`);
  if (session.status !== 'active') redirect(307, `/sessions/${params.id}/result`);
  return { session, receivedAt: Date.now() };
};
