/** A behavioral mock's answers as note fields (p1Situation …), and the stories they come from or become. */
import {
  askedNoteKey,
  starNoteKey,
  STAR_NOTE_FIELDS,
  storyNoteKey,
  type PromptNumber
} from '@mockloop/contracts/constants';
import type { DesignNotes, Session, Story } from '@mockloop/contracts';
import { LEADERSHIP_THEME_IDS, type LeadershipTheme } from '@mockloop/rubrics/leadership-themes';

export type StarAnswer = Pick<Story, 'situation' | 'task' | 'action' | 'result' | 'differently'>;
export type Notes = Partial<Record<keyof DesignNotes, string>>;

/** Prompt `n`'s answer, read from the notes. */
export function answerOf(notes: Notes, n: PromptNumber): StarAnswer {
  const entries = STAR_NOTE_FIELDS.map((f) => [f.part, notes[starNoteKey(n, f.part)] ?? '']);
  return Object.fromEntries(entries) as StarAnswer;
}

/** The note fields that tell prompt `n` with `story`: its STAR parts, and the story's id. */
export function notesFromStory(n: PromptNumber, story: Story): [keyof DesignNotes, string][] {
  const parts = STAR_NOTE_FIELDS.map((f): [keyof DesignNotes, string] => [starNoteKey(n, f.part), story[f.part]]);
  return [...parts, [storyNoteKey(n), story.id]];
}

export function hasAnswer(answer: StarAnswer): boolean {
  return Object.values(answer).some((text) => text.trim() !== '');
}

/** How many of prompt `n`'s follow-ups were revealed (kept as a note so a reload keeps them). */
export function askedOf(notes: Notes, n: PromptNumber): number {
  const count = Number.parseInt(notes[askedNoteKey(n)] ?? '0', 10);
  return Number.isFinite(count) && count > 0 ? count : 0;
}

/** The leadership themes of a prompt that a story can be filed under. */
export function themesOf(prompt: { themes?: readonly string[] }): LeadershipTheme[] {
  return (prompt.themes ?? []).filter((t): t is LeadershipTheme =>
    (LEADERSHIP_THEME_IDS as readonly string[]).includes(t)
  );
}

/** Minutes spent on a phase so far: every visit to it in the log, the current one up to `nowMs`. */
export function minutesOnPhase(session: Pick<Session, 'phaseLog'>, phaseId: string, nowMs: number): number {
  let ms = 0;
  session.phaseLog.forEach((entry, i) => {
    if (entry.phaseId !== phaseId) return;
    const end = session.phaseLog[i + 1] ? Date.parse(session.phaseLog[i + 1]!.startedAt) : nowMs;
    ms += Math.max(0, end - Date.parse(entry.startedAt));
  });
  return ms / 60_000;
}
