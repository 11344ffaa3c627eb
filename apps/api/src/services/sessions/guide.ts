/**
 * The interviewer's guide of a session (every prompt's follow-ups, hints and key points) and the one projection
 * that decides what of it each viewer gets; every response that carries a session's question goes through it.
 *
 * - The interviewer (the person an invite admits) gets all of it, and so does everyone once the session is over
 *   (the result page reviews the prompts whole).
 * - The candidate, while the mock runs, gets only what was revealed to them: never a hint or a key point; the
 *   follow-ups an interviewer reveals reach them as the room's reveals (not in the question); alone, a candidate
 *   gets the follow-ups they asked for, one at a time (counted in their notes, so a reload keeps them): a
 *   behavioral candidate per prompt, a design candidate from the deep dives on (when an interviewer would probe). A coding problem's guide is the interviewer's alone: its question never carries it (publicQuestion), only
 *   the room's reveals do.
 */
import { askedNoteKey, type PromptNumber } from '@mockloop/contracts/constants';
import type { DesignNotes, InterviewerGuide, SessionBehavioralQuestion, SessionQuestion } from '@mockloop/contracts';
import type { BehavioralQuestion } from '@mockloop/question-bank/schema';
import type { SessionDoc } from '../../db/client.ts';
import { publicQuestion, type VersionedQuestion } from '../catalog.ts';

type Behavioral = VersionedQuestion & BehavioralQuestion;

/** Who is looking, as the projection needs it. */
export interface GuideViewer {
  role: 'owner' | 'reviewer';
  /** Whether an interviewer is admitted to the mock (their reveals, not the candidate's own asking, show the guide). */
  interviewed: boolean;
}

/** A behavioral mock's prompts in order (a single prompt for a session stored before mocks had several). */
function promptsOf(doc: Pick<SessionDoc, 'question' | 'prompts'>): Behavioral[] {
  return (doc.prompts ?? [doc.question]).filter((p): p is Behavioral => p.kind === 'behavioral');
}

/** Everything the interviewer sees of the prompt(s); null for a question with none (a coding snapshot from before). */
export function interviewerGuide(doc: Pick<SessionDoc, 'question' | 'prompts'>): InterviewerGuide | null {
  const { question } = doc;
  if (question.kind === 'coding') {
    // Sessions started before coding problems had a guide keep the snapshot they were run on.
    if (!question.followUps || !question.hints || !question.keyPoints) return null;
    return {
      followUps: question.followUps,
      hints: question.hints,
      keyPoints: question.keyPoints.map(({ point, level }) => ({ point, level }))
    };
  }
  if (question.kind === 'design') {
    return {
      followUps: question.followUps,
      hints: question.hints,
      keyPoints: question.keyPoints.map(({ point, level }) => ({ point, level }))
    };
  }
  if (question.kind !== 'behavioral') return null;
  // Several prompts' lists are joined in order, each line saying which prompt it is for, so one index still names
  // one line to reveal.
  const prompts = promptsOf(doc);
  const label = (i: number, text: string) => (prompts.length > 1 ? `Prompt ${i + 1} · ${text}` : text);
  return {
    followUps: prompts.flatMap((p, i) => p.followUps.map((text) => label(i, text))),
    hints: prompts.flatMap((p, i) => p.hints.map((text) => label(i, text))),
    keyPoints: prompts.flatMap((p, i) => p.keyPoints.map(({ point, level }) => ({ point: label(i, point), level })))
  };
}

/** The guide as the room serves it: the interviewer's whole, nobody else's. */
export function roomGuide(doc: Pick<SessionDoc, 'question' | 'prompts'>, viewer: Pick<GuideViewer, 'role'>) {
  return viewer.role === 'reviewer' ? interviewerGuide(doc) : null;
}

/** Whether this viewer gets only what was revealed (the candidate of a running mock). */
function withheldFrom(doc: Pick<SessionDoc, 'status'>, viewer: GuideViewer): boolean {
  return viewer.role === 'owner' && doc.status === 'active';
}

function deepDivesReached(doc: Pick<SessionDoc, 'phaseLog' | 'phasePlan'>): boolean {
  const current = doc.phaseLog.at(-1)?.phaseId;
  const at = doc.phasePlan.findIndex((p) => p.id === current);
  const deepDives = doc.phasePlan.findIndex((p) => p.id === 'deep-dives');
  return deepDives >= 0 && at >= deepDives;
}

/** How many follow-ups of prompt `n` the candidate alone asked for (their notes keep the count). */
export function askedFollowUps(notes: DesignNotes, n: number): number {
  const count = Number.parseInt(notes[askedNoteKey(n as PromptNumber)] ?? '0', 10);
  return Number.isFinite(count) && count > 0 ? count : 0;
}

function behavioralFor(prompt: Behavioral, shown: number | 'all'): SessionBehavioralQuestion {
  const question = publicQuestion(prompt) as Extract<SessionQuestion, { kind: 'behavioral' }>;
  const followUpCount = prompt.followUps.length;
  if (shown === 'all') return { ...question, followUpCount };
  return { ...question, followUps: prompt.followUps.slice(0, shown), hints: [], keyPoints: [], followUpCount };
}

/**
 * The session's question and (behavioral) prompts as `viewer` may see them now. `notes` are the session's current
 * work (a behavioral candidate's asked follow-ups are counted there).
 */
export function projectQuestions(
  doc: Pick<SessionDoc, 'question' | 'prompts' | 'status' | 'phaseLog' | 'phasePlan'>,
  notes: DesignNotes,
  viewer: GuideViewer
): { question: SessionQuestion; prompts: SessionBehavioralQuestion[] } {
  const withheld = withheldFrom(doc, viewer);
  const prompts = promptsOf(doc).map((p, i) =>
    behavioralFor(p, !withheld ? 'all' : viewer.interviewed ? 0 : askedFollowUps(notes, i + 1))
  );
  const { question } = doc;
  if (question.kind === 'behavioral') return { question: prompts[0] ?? behavioralFor(question, 'all'), prompts };
  const open = publicQuestion(question);
  if (open.kind !== 'design') return { question: open as SessionQuestion, prompts };
  const followUpCount = open.followUps.length;
  if (!withheld) return { question: { ...open, followUpCount }, prompts };
  // Asked for before the deep dives (a count typed by hand) reveals nothing until then.
  const asked = deepDivesReached(doc) && !viewer.interviewed ? askedFollowUps(notes, 1) : 0;
  return {
    question: { ...open, followUps: open.followUps.slice(0, asked), hints: [], keyPoints: [], followUpCount },
    prompts
  };
}

/** Whether the projection needs to know if an interviewer is admitted (a read the other viewers are spared). */
export function needsInterviewed(doc: Pick<SessionDoc, 'status' | 'question'>, role: GuideViewer['role']): boolean {
  return role === 'owner' && doc.status === 'active' && doc.question.kind !== 'coding';
}
