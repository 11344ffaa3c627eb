/** Starts a timed session on a question and opens it. */
import type { CreateBehavioralMockBody } from '@mockloop/contracts';
import { goto } from '$app/navigation';
import { api, call } from './api.ts';

export async function startSession(questionId: string, durationMin?: number): Promise<void> {
  const { session } = await call(api.sessions.$post({ json: { questionId, ...(durationMin ? { durationMin } : {}) } }));
  await goto(`/sessions/${session.id}`);
}

/** Starts an assessment (two coding problems, one clock) and opens its first problem. */
export async function startAssessment(durationMin: number, questionIds?: [string, string]): Promise<void> {
  const { session } = await call(
    api.assessments.$post({ json: { durationMin, ...(questionIds ? { questionIds } : {}) } })
  );
  await goto(`/sessions/${session.id}`);
}

/** Starts a behavioral mock: the prompts chosen, or `count` drawn by level and theme; opens its first prompt. */
export async function startBehavioralMock(body: CreateBehavioralMockBody): Promise<void> {
  const { session } = await call(api['behavioral-mocks'].$post({ json: body }));
  await goto(`/sessions/${session.id}`);
}
