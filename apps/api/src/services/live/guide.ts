/**
 * What only an interviewer sees of a session's prompt: follow-ups and hints to reveal, key points to listen for.
 * A behavioral mock has several prompts: their lists are joined in order, each line saying which prompt it is
 * for, so one index still names one line to reveal.
 */
import type { InterviewerGuide } from '@mockloop/contracts';
import type { SessionDoc } from '../../db/client.ts';

export function interviewerGuide(doc: Pick<SessionDoc, 'question' | 'prompts'>): InterviewerGuide | null {
  const { question } = doc;
  if (question.kind === 'design') {
    return {
      followUps: question.followUps,
      hints: question.hints,
      keyPoints: question.keyPoints.map(({ point, level }) => ({ point, level }))
    };
  }
  if (question.kind !== 'behavioral') return null;
  const prompts = (doc.prompts ?? [question]).flatMap((p) => (p.kind === 'behavioral' ? [p] : []));
  const label = (i: number, text: string) => (prompts.length > 1 ? `Prompt ${i + 1} · ${text}` : text);
  return {
    followUps: prompts.flatMap((p, i) => p.followUps.map((text) => label(i, text))),
    hints: prompts.flatMap((p, i) => p.hints.map((text) => label(i, text))),
    keyPoints: prompts.flatMap((p, i) => p.keyPoints.map(({ point, level }) => ({ point: label(i, point), level })))
  };
}
