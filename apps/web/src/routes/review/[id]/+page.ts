import type { ScoresResponse, Session } from '@mockloop/contracts';
import { load as loadApi } from '$lib/api.ts';
import { requireUser } from '$lib/require-user.ts';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ parent, params, url }) => {
  await parent();
  requireUser(url);
  const [{ session }, scores] = await Promise.all([
    loadApi<{ session: Session }>(`/api/sessions/${params.id}`),
    loadApi<ScoresResponse>(`/api/sessions/${params.id}/scores`)
  ]);
  return { session, mine: scores.peers[0] ?? null };
};
