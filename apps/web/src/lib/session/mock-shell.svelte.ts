/**
 * The shell every timed mock page shares: the server's clock, autosave (flushed when the page is hidden or left),
 * the live room with the drafts an interviewer watches, and finishing (by the candidate or at the deadline).
 * A page supplies what is its own: how to show merged work and what its work is right now.
 */
import type { DesignNotes, Scene, Session, SessionWork } from '@mockloop/contracts';
import { goto } from '$app/navigation';
import { api, call } from '../api.ts';
import { Autosaver } from '../autosave/autosaver.svelte.ts';
import { DraftSender } from '../live/draft-sender.ts';
import { LiveRoom } from '../live/room.svelte.ts';
import { VoiceCall } from '../live/voice-call.svelte.ts';
import { currentUser } from '../current-user.svelte.ts';
import { VoiceRecorder } from '../recording/voice-recorder.svelte.ts';
import { serverOffsetMs } from './clock.ts';
import { confirmation } from '../dialog/confirmation.svelte.ts';

export interface MockShellOptions {
  /** Another window's work was merged in: show it. */
  onMerged: (work: SessionWork) => void;
  /** The work as it stands, sent whole to an interviewer who joins. */
  current: () => { notes: DesignNotes; scene: Scene };
  /** The question asked before the candidate finishes early. */
  confirmFinish: () => string;
}

export class MockShell {
  now = $state(Date.now());
  /** The saved work (and any left unsaved by a previous page) is loaded: the page may accept input. */
  restored = $state(false);
  /** Finished or past the deadline: the work can no longer change. */
  locked = $state(false);
  readonly saver: Autosaver;
  readonly drafts: DraftSender;
  readonly room: LiveRoom;
  /** "Record yourself": opt-in, resumed after a reload. */
  readonly recorder: VoiceRecorder;
  /** The voice call with the interviewer, once one is in the room. */
  readonly call: VoiceCall;

  readonly #sessionId: string;
  readonly #startedAt: number;
  readonly #deadline: number;
  readonly #offsetMs: number;
  readonly #options: MockShellOptions;
  #interviewersSeen = 0;
  /** Each note field as the watching interviewer last had it from this tab (a draft of it, or all of the work). */
  #drafted: Partial<Record<keyof DesignNotes, string>> = {};

  constructor(data: { session: Session; receivedAt: number }, options: MockShellOptions) {
    const { session } = data;
    this.#sessionId = session.id;
    this.#deadline = Date.parse(session.deadline);
    this.#startedAt = Date.parse(session.startedAt);
    this.#offsetMs = serverOffsetMs(session.serverNow, data.receivedAt);
    this.#options = options;
    this.saver = new Autosaver(session.id, session, {
      onMerged: (work) => {
        options.onMerged(work);
        this.#draftMerged(work.notes);
      },
      onLocked: () => void this.finish('deadline')
    });
    this.recorder = new VoiceRecorder(session.id, { startedAt: this.#startedAt, serverNow: () => this.serverNow });
    // The live room: interviewers see the work as it is typed (drafts), and their reveals and chat reach us.
    this.drafts = new DraftSender(session.id);
    this.room = new LiveRoom(session.id, {
      presence: ({ members }) => {
        const count = members.filter((m) => m.role === 'interviewer').length;
        // Someone new is watching: send the work as it stands, then every change.
        if (count > this.#interviewersSeen && this.restored) this.#sendAll();
        this.drafts.active = count > 0;
        this.#interviewersSeen = count;
      }
    });
    this.call = new VoiceCall(session.id, this.room, () =>
      currentUser.user ? { userId: currentUser.user.id, role: 'candidate' } : null
    );
  }

  /** The server's time now, in milliseconds. */
  get serverNow(): number {
    return this.now + this.#offsetMs;
  }

  /** Milliseconds since the session started, on the server's clock. */
  get sessionMs(): number {
    return this.serverNow - this.#startedAt;
  }

  get remainingMs(): number {
    return this.#deadline - this.serverNow;
  }

  /** For onMount: restores the work (then `onRestored`), joins the room, runs the clock; returns the cleanup. */
  mount(onRestored: (work: SessionWork) => void): () => void {
    void this.saver.restore().then((work) => {
      onRestored(work);
      this.restored = true;
      if (this.drafts.active) this.#sendAll();
    });
    void this.room.start();
    void this.recorder.resume();
    void this.call.load().catch(() => {});
    const tick = setInterval(() => {
      this.now = Date.now();
      if (this.remainingMs <= 0 && !this.locked) void this.finish('deadline');
    }, 250);
    const onHide = () => {
      if (document.visibilityState === 'hidden') {
        void this.saver.flush();
        this.recorder.flush();
      }
    };
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', onHide);
    return () => {
      clearInterval(tick);
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', onHide);
    };
  }

  /** For onDestroy. */
  destroy(): void {
    this.saver.destroy();
    this.drafts.destroy();
    this.room.close();
    this.recorder.destroy();
    this.call.destroy();
  }

  /** A note field changed: saved, and pushed to a watching interviewer. */
  setNote(field: keyof DesignNotes, text: string): void {
    this.saver.setNote(field, text);
    this.drafts.setNote(field, text);
    this.#drafted[field] = text;
  }

  setScene(scene: Scene): void {
    this.saver.setScene(scene);
    this.drafts.setScene(scene);
  }

  /** Ends the session (after asking, when the candidate finishes early) and opens its result. */
  async finish(reason: 'finished' | 'deadline'): Promise<void> {
    if (this.locked) return;
    if (reason === 'finished') {
      const agreed = await confirmation.ask(this.#options.confirmFinish(), {
        title: 'Finish the mock?',
        confirmLabel: 'Finish now',
        cancelLabel: 'Keep going'
      });
      // The deadline may have locked it while the dialog was open.
      if (!agreed || this.locked) return;
    } else {
      // At the deadline a question still open (Finish? Reset the code?) no longer applies.
      confirmation.answer(false);
    }
    this.locked = true;
    await Promise.all([this.saver.flush().catch(() => {}), this.recorder.finish()]);
    // The call ends with the session: hung up while the session still takes the signal.
    await this.call.end();
    await call(api.sessions[':id'].submit.$post({ param: { id: this.#sessionId } })).catch(() => {});
    await goto(`/sessions/${this.#sessionId}/result`);
  }

  #sendAll(): void {
    const { notes, scene } = this.#options.current();
    this.drafts.sendAll(notes, scene);
    this.#drafted = { ...notes };
  }

  /**
   * The work changed under this tab (another tab's save taken in, or a conflict merged): the interviewer gets the
   * fields that changed as a draft, so their screen moves to the merged text instead of staying on this tab's last
   * draft (a save's text does not replace a field drafted in the last seconds there).
   */
  #draftMerged(notes: DesignNotes): void {
    for (const [field, text] of Object.entries(notes) as [keyof DesignNotes, string][]) {
      if (this.#drafted[field] === text) continue;
      this.drafts.setNote(field, text);
      this.#drafted[field] = text;
    }
  }
}
