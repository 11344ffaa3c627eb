/** Starts a timed session on a question and opens it. */
import type { Session } from '@mockloop/contracts';
import { goto } from '$app/navigation';
import { api } from './api.ts';

export async function startSession(questionId: string, durationMin?: number): Promise<void> {
  const { session } = await api<{ session: Session }>('POST', '/api/sessions', {
    questionId,
    ...(durationMin ? { durationMin } : {})
  });
  await goto(`/sessions/${session.id}`);
}

/** Starts an assessment (two coding problems, one clock) and opens its first problem. */
export async function startAssessment(durationMin: number, questionIds?: [string, string]): Promise<void> {
  const { session } = await api<{ session: Session }>('POST', '/api/assessments', {
    durationMin,
    ...(questionIds ? { questionIds } : {})
  });
  await goto(`/sessions/${session.id}`);
}

/** Starts a behavioral mock: the prompts chosen, or `count` drawn by level and theme; opens its first prompt. */
export async function startBehavioralMock(body: {
  durationMin: number;
  questionIds?: string[];
  count?: number;
  level?: string;
  theme?: string;
}): Promise<void> {
  const { session } = await api<{ session: Session }>('POST', '/api/behavioral-mocks', body);
  await goto(`/sessions/${session.id}`);
}
