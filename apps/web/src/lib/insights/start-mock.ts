/** Starts the kind of mock a suggestion or a due review names: a behavioral mock on a prompt, else a timed session. */
import { startBehavioralMock, startSession } from '$lib/start-session.ts';

export function startMockFor(kind: string, questionId: string): Promise<void> {
  return kind === 'behavioral' ? startBehavioralMock({ questionIds: [questionId] }) : startSession(questionId);
}
