import { redirect } from '@sveltejs/kit';
import { api, ApiRequestError, call } from '$lib/api.ts';
import { requireUser } from '$lib/require-user.ts';
import type { PageLoad } from './$types';

// Opening the link accepts the invite for the signed-in peer, then shows the session to review.
export const load: PageLoad = async ({ parent, params, url }) => {
  await parent();
  requireUser(url);
  let sessionId: string;
  try {
    ({ sessionId } = await call(api.invites.accept.$post({ json: { token: params.token } })));
  } catch (error) {
    if (error instanceof ApiRequestError) return { problem: error.message };
    throw error;
  }
  redirect(303, `/review/${sessionId}`);
};
