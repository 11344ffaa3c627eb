/**
 * Autosave for a session's work: debounced, acknowledged by the server, and kept in IndexedDB until it is.
 * One save in flight at a time (save-loop.ts). Retries with backoff while offline or while the server restarts;
 * merges three-way (merge.ts) when another window saved first, and takes in at once what another tab of this
 * browser saved.
 */
import type { CurrentWork, DesignNotes, Scene, Session, SessionWork } from '@mockloop/contracts';
import { api, ApiRequestError, call } from '../api.ts';
import {
  changedNotes,
  joinedFields,
  mergeNotes,
  mergeNotice,
  mergeScenes,
  mergeWork,
  sceneKey,
  type CodeChoice
} from './merge.ts';
import { outbox } from './outbox.ts';
import { SaveLoop } from './save-loop.ts';
import { openTabSync, type SavedMessage, type TabSync } from './tab-sync.ts';

export type SaveStatus = 'saved' | 'saving' | 'offline' | 'locked' | 'error';

export interface AutosaverOptions {
  /**
   * Called when a merge with another window's work changed what the editor should show. The page applies only
   * what differs from what it shows (merge.ts `textEdit`), so the text being typed and the cursor stay.
   */
  onMerged: (work: SessionWork) => void;
  /** Called once when the server says the session is over. */
  onLocked: () => void;
  debounceMs?: number;
}

const MAX_BACKOFF_MS = 15_000;
/** Someone who never pauses still gets a save this often: the debounce alone would wait for the pause. */
const MAX_WAIT_MS = 5_000;

export class Autosaver {
  status = $state<SaveStatus>('saved');
  /** Changes the server has not acknowledged yet (note fields, plus one for the whiteboard). */
  pending = $state(0);
  message = $state('');
  /** Set when another window's work was merged into fields this one had changed too; the page shows it. */
  notice = $state('');
  /** Code another window changed in the same lines as this one: this tab's is kept, theirs waits for a choice. */
  choices = $state<CodeChoice[]>([]);

  private revision: number;
  private base: SessionWork;
  private local: SessionWork;
  private readonly loop = new SaveLoop({
    send: () => this.send(),
    hasChanges: () => {
      if (this.status === 'locked') return false;
      this.refreshPending();
      return this.pending > 0;
    }
  });
  private backoffMs = 1000;
  /** When the oldest change the server has not seen was made (null when there is none). */
  private dirtySince: number | null = null;
  private rejectedScene: string | null = null;
  private readonly debounceMs: number;
  private readonly tabs: TabSync;

  constructor(
    private readonly sessionId: string,
    session: Pick<Session, 'revision' | 'work'>,
    private readonly options: AutosaverOptions
  ) {
    this.revision = session.revision;
    // The page's session is reactive state: keep plain copies, never its proxies.
    this.base = $state.snapshot(session.work);
    this.local = $state.snapshot(session.work);
    this.debounceMs = options.debounceMs ?? 1000;
    if (typeof window !== 'undefined') window.addEventListener('online', this.onOnline);
    this.tabs = openTabSync(sessionId, (message) => void this.onOtherTabSaved(message));
  }

  /** Picks up work a previous page (or a crashed browser) left unsaved, merged with what the server has now. */
  async restore(): Promise<SessionWork> {
    const saved = await outbox.read(this.sessionId);
    if (saved) {
      const { notes, scene } = saved;
      const merged =
        notes && notes.baseRevision !== this.revision ? mergeNotes(notes.base, notes.local, this.base.notes) : null;
      if (merged) this.offerChoices(merged.choices);
      this.local = {
        notes: !notes ? this.base.notes : merged ? merged.notes : notes.local,
        scene: !scene
          ? this.base.scene
          : scene.baseRevision === this.revision
            ? scene.local
            : mergeScenes(scene.local, this.base.scene)
      };
      this.refreshPending();
      if (this.pending > 0) this.schedule(0);
      else await outbox.clear(this.sessionId);
    }
    return this.local;
  }

  get work(): SessionWork {
    return this.local;
  }

  setNote(field: keyof DesignNotes, text: string): void {
    this.local = { ...this.local, notes: { ...this.local.notes, [field]: text } };
    this.changed({ notes: true });
  }

  setScene(scene: Scene): void {
    this.local = { ...this.local, scene };
    this.changed({ scene: true });
  }

  /** Sends now (phase change, blur, before leaving); resolves when this attempt is over. */
  async flush(): Promise<void> {
    await this.loop.flush();
  }

  dismissNotice(): void {
    this.notice = '';
  }

  /** The person's answer to a code conflict: keep this tab's code (saved as it is) or take the other window's. */
  choose(field: CodeChoice['field'], keep: 'mine' | 'theirs'): void {
    const choice = this.choices.find((c) => c.field === field);
    this.choices = this.choices.filter((c) => c.field !== field);
    if (!choice || keep === 'mine') return;
    this.setNote(field, choice.theirs);
    this.options.onMerged(this.local);
  }

  destroy(): void {
    this.tabs.close();
    this.loop.stop();
    if (typeof window !== 'undefined') window.removeEventListener('online', this.onOnline);
  }

  /** Keeps what changed in the outbox (only that part: a keystroke never copies the whiteboard). */
  private changed(parts: { notes?: boolean; scene?: boolean }): void {
    this.refreshPending();
    const baseRevision = this.revision;
    if (parts.notes) {
      void outbox.writeNotes(this.sessionId, {
        baseRevision,
        base: this.base.notes,
        local: { ...this.local.notes }
      });
    }
    if (parts.scene) {
      // Excalidraw's elements are not all structured-cloneable as they are; a snapshot is plain data.
      void outbox.writeScene(this.sessionId, { baseRevision, local: $state.snapshot(this.local.scene) });
    }
    if (this.status === 'saved') this.status = 'saving';
    const now = Date.now();
    this.dirtySince ??= now;
    // While retrying after a failure, the backoff decides when to try again; typing does not hurry it.
    if (this.status === 'offline' && this.loop.scheduled) return;
    this.schedule(Math.max(0, Math.min(this.debounceMs, this.dirtySince + MAX_WAIT_MS - now)));
  }

  private schedule(ms: number): void {
    if (this.status === 'locked') return;
    this.loop.schedule(ms);
  }

  private onOnline = () => {
    this.backoffMs = 1000;
    this.schedule(0);
  };

  private sceneChanged(): boolean {
    const key = sceneKey(this.local.scene);
    return key !== sceneKey(this.base.scene) && key !== this.rejectedScene;
  }

  private refreshPending(): void {
    this.pending = Object.keys(changedNotes(this.base.notes, this.local.notes)).length + (this.sceneChanged() ? 1 : 0);
  }

  private async send(): Promise<void> {
    const sent = $state.snapshot(this.local);
    const notes = changedNotes(this.base.notes, sent.notes);
    const withScene = this.sceneChanged();
    const body = {
      revision: this.revision,
      ...(Object.keys(notes).length > 0 ? { notes } : {}),
      ...(withScene ? { scene: sent.scene } : {})
    };
    this.status = 'saving';
    try {
      const { revision } = await call(api.sessions[':id'].work.$patch({ param: { id: this.sessionId }, json: body }));
      this.revision = revision;
      this.base = { notes: { ...this.base.notes, ...notes }, scene: withScene ? sent.scene : this.base.scene };
      this.tabs.announce(revision, $state.snapshot(this.base));
      this.backoffMs = 1000;
      this.message = '';
      this.refreshPending();
      // What was typed while this save was in flight is the new oldest unsaved change.
      this.dirtySince = this.pending > 0 ? Date.now() : null;
      if (this.pending > 0) {
        this.schedule(this.debounceMs);
      } else {
        this.status = this.rejectedScene ? 'error' : 'saved';
        await outbox.clear(this.sessionId);
      }
    } catch (error) {
      await this.handleFailure(error, withScene ? sent.scene : null);
    }
  }

  /** Another tab saved: adopt its revision and work, merging in what this tab has not saved yet. */
  private async onOtherTabSaved({ revision, work }: SavedMessage): Promise<void> {
    // A save of ours in flight settles first: it either lands before theirs or conflicts and merges on its own.
    await this.loop.settled();
    if (revision <= this.revision || this.status === 'locked') return;
    this.takeIn(revision, work);
    if (this.pending > 0) this.schedule(this.debounceMs);
  }

  /** Takes the server's work at `revision` as the new base and merges this tab's unsaved changes into it. */
  private takeIn(revision: number, theirs: SessionWork): void {
    const ours = $state.snapshot(this.local);
    const hadChanges = this.pending > 0;
    if (hadChanges) {
      const merged = mergeWork(this.base, ours, theirs);
      this.local = merged.work;
      this.offerChoices(merged.choices);
    } else {
      this.local = theirs;
    }
    this.base = theirs;
    this.revision = revision;
    const joined = joinedFields(ours.notes, theirs.notes, this.local.notes);
    if (joined.length > 0) this.notice = mergeNotice(joined);
    this.options.onMerged(this.local);
    this.refreshPending();
    if (this.pending > 0) {
      this.changed({ notes: true, scene: true });
    } else {
      this.dirtySince = null;
      if (this.status === 'saving') this.status = 'saved';
      void outbox.clear(this.sessionId);
    }
  }

  /** A newer conflict on a field replaces the older one: its "theirs" is the latest the server holds. */
  private offerChoices(choices: CodeChoice[]): void {
    if (choices.length === 0) return;
    const fields = choices.map((c) => c.field);
    this.choices = [...this.choices.filter((c) => !fields.includes(c.field)), ...choices];
  }

  private async handleFailure(error: unknown, sentScene: Scene | null): Promise<void> {
    if (error instanceof ApiRequestError && error.code === 'SESSION_LOCKED') {
      this.status = 'locked';
      this.message = 'This session has ended; later changes were not saved.';
      this.options.onLocked();
      return;
    }
    const current = error instanceof ApiRequestError && error.code === 'CONFLICT' ? conflictWork(error) : null;
    if (current) {
      // Another window saved first: its work comes with the 409; merge ours into it and send the merge.
      this.takeIn(current.revision, { notes: current.notes, scene: current.scene });
      this.schedule(0);
      return;
    }
    if (error instanceof ApiRequestError && error.code === 'PAYLOAD_TOO_LARGE' && sentScene) {
      this.rejectedScene = sceneKey(sentScene);
      this.status = 'error';
      this.message = 'The whiteboard is over 10 MB, so its latest changes were not saved. Remove an image to continue.';
      this.refreshPending();
      if (this.pending > 0) this.schedule(0);
      return;
    }
    if (error instanceof ApiRequestError && error.status >= 400 && error.status < 500 && error.status !== 429) {
      this.status = 'error';
      this.message = error.message;
      return;
    }
    // Offline, a restarting server or a database that is not answering: keep the work and try again later.
    this.status = 'offline';
    this.schedule(this.backoffMs);
    this.backoffMs = Math.min(this.backoffMs * 2, MAX_BACKOFF_MS);
  }
}

/**
 * The current work a stale save's 409 CONFLICT carries (`workConflictSchema`), checked by hand: validating it
 * with zod here would put zod into the page's bundle.
 */
function conflictWork(error: ApiRequestError): CurrentWork | null {
  const current = (error.payload as { current?: Partial<CurrentWork> } | null)?.current;
  const complete =
    typeof current?.revision === 'number' &&
    typeof current.notes === 'object' &&
    current.notes !== null &&
    Array.isArray(current.scene?.elements);
  return complete ? (current as CurrentWork) : null;
}
