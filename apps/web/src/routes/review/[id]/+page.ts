import { api, load as loadApi } from '$lib/api.ts';
import { requireUser } from '$lib/require-user.ts';
import { KIND_VIEWS } from '$lib/session/kind-views.ts';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ parent, params, url }) => {
  await parent();
  requireUser(url);
  const [{ session }, scores] = await Promise.all([
    loadApi(api.sessions[':id'].$get({ param: params })),
    loadApi(api.sessions[':id'].scores.$get({ param: params }))
  ]);
  // What the interviewer watches of this kind (kind-views.ts), loaded for its kind only.
  const { default: Live } = await KIND_VIEWS[session.kind].live();
  return { session, mine: scores.peers[0] ?? null, Live };
};
