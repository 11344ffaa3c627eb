/** The dashboard's plan: today's work, or null when the user has no plan yet. */
import type { PlanToday } from '@mockloop/contracts';
import { api, load } from '$lib/api.ts';

export function planToday(): Promise<PlanToday | null> {
  return load(api.plan.today.$get());
}
