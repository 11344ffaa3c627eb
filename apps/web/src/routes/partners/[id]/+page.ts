import { api, load as loadApi } from '$lib/api.ts';
import { requireUser } from '$lib/require-user.ts';
import type { PageLoad } from './$types';

// The pair's room: the booking as one of its two people sees it (anyone else: 404).
export const load: PageLoad = async ({ parent, params, url }) => {
  await parent();
  const user = requireUser(url);
  const { booking, serverNow } = await loadApi(api.partners.bookings[':id'].$get({ param: params }));
  return { booking, serverNow, receivedAt: Date.now(), meId: user.id };
};
