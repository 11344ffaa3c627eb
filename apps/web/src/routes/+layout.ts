// Pages render in the browser: every page sits behind sign-in and the editors are client-only.
import { currentUser } from '$lib/current-user.svelte.ts';
import type { LayoutLoad } from './$types';

export const ssr = false;
export const prerender = false;

export const load: LayoutLoad = async () => {
  if (!currentUser.loaded) await currentUser.load();
  return {};
};
