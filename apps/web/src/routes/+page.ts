import { redirect } from '@sveltejs/kit';
import { currentUser } from '$lib/current-user.svelte.ts';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ parent }) => {
  await parent();
  if (currentUser.user) redirect(307, '/dashboard');
};
