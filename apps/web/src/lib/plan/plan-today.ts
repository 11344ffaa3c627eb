/** The dashboard's plan: today's work, or null when the user has no plan yet. */
import type { PlanToday } from '@mockloop/contracts';
import { error } from '@sveltejs/kit';
import { api, ApiRequestError, call } from '$lib/api.ts';

export async function planToday(): Promise<PlanToday | null> {
  try {
    return await call(api.plan.today.$get());
  } catch (e) {
    if (e instanceof ApiRequestError && e.status === 404) return null;
    if (e instanceof ApiRequestError && e.status >= 400 && e.status < 500) error(e.status, e.message);
    throw e;
  }
}
