import { api, load as loadApi } from '$lib/api.ts';
import { requireUser } from '$lib/require-user.ts';
import type { PageLoad } from './$types';

// One's slots, proposals and bookings, and the open requests of others on this instance.
export const load: PageLoad = async ({ parent, url }) => {
  await parent();
  requireUser(url);
  return { overview: await loadApi(api.partners.$get()) };
};
