/**
 * The candidate's work pushed to the room as it is typed or drawn, at most every `intervalMs` and one draft in
 * flight at a time: the note fields that changed, and the shapes whose version moved (Excalidraw bumps an
 * element's version on every edit) or that went away. What changes while a draft is on its way goes in the next
 * one, so a slow server gets fewer, fuller drafts instead of a growing queue of stale ones. Autosave stays what
 * keeps the work; a draft lost on the way is only a late screen.
 */
import type { DesignNotes, Scene } from '@mockloop/contracts';
import { api } from '../api.ts';

type Element = Scene['elements'][number];

export interface DraftBody {
  notes?: DesignNotes;
  elements?: Element[];
  removedIds?: string[];
}

const version = (element: Element) => Number((element as { version?: number }).version ?? 0);

/** What changed between the shapes last sent and the scene now. Pure, so it is tested on its own. */
export function sceneChanges(
  sent: Map<string, number>,
  elements: Element[]
): Pick<DraftBody, 'elements' | 'removedIds'> {
  const changed = elements.filter((e) => sent.get(e.id) !== version(e));
  const present = new Set(elements.map((e) => e.id));
  const removedIds = [...sent.keys()].filter((id) => !present.has(id));
  return { ...(changed.length ? { elements: changed } : {}), ...(removedIds.length ? { removedIds } : {}) };
}

/** How long a draft may take before the next one goes anyway (the first was lost on the way). */
const DRAFT_TIMEOUT_MS = 10_000;

type Post = (sessionId: string, body: DraftBody, signal: AbortSignal) => Promise<unknown>;

const postDraft: Post = (sessionId, body, signal) =>
  api.sessions[':id'].drafts.$post({ param: { id: sessionId }, json: body }, { init: { signal } });

export class DraftSender {
  /** Sends only while someone watches (an interviewer is in the room). */
  active = false;
  readonly #sessionId: string;
  readonly #intervalMs: number;
  #notes: DesignNotes = {};
  #scene: Element[] | null = null;
  #sent = new Map<string, number>();
  #lastSentAt = 0;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #sending = false;
  readonly #post: Post;

  constructor(sessionId: string, intervalMs = 80, post: Post = postDraft) {
    this.#sessionId = sessionId;
    this.#intervalMs = intervalMs;
    this.#post = post;
  }

  setNote(field: keyof DesignNotes, text: string): void {
    if (!this.active) return;
    this.#notes = { ...this.#notes, [field]: text };
    this.#schedule();
  }

  setScene(scene: Scene): void {
    if (!this.active) return;
    this.#scene = scene.elements;
    this.#schedule();
  }

  /** Everything as it stands: for an interviewer who just joined. */
  sendAll(notes: DesignNotes, scene: Scene): void {
    this.active = true;
    this.#notes = { ...notes };
    this.#sent = new Map();
    this.#scene = scene.elements;
    this.#schedule();
  }

  destroy(): void {
    if (this.#timer) clearTimeout(this.#timer);
  }

  #schedule(): void {
    // While a draft is on its way, its answer schedules the next.
    if (this.#timer || this.#sending) return;
    const wait = Math.max(0, this.#lastSentAt + this.#intervalMs - Date.now());
    this.#timer = setTimeout(() => {
      this.#timer = null;
      this.#send();
    }, wait);
  }

  #send(): void {
    const body: DraftBody = {};
    if (Object.keys(this.#notes).length) body.notes = this.#notes;
    if (this.#scene) {
      Object.assign(body, sceneChanges(this.#sent, this.#scene));
      this.#sent = new Map(this.#scene.map((e) => [e.id, version(e)]));
    }
    this.#notes = {};
    this.#scene = null;
    if (!body.notes && !body.elements && !body.removedIds) return;
    this.#lastSentAt = Date.now();
    this.#sending = true;
    void this.#post(this.#sessionId, body, AbortSignal.timeout(DRAFT_TIMEOUT_MS))
      .catch(() => {})
      .finally(() => {
        this.#sending = false;
        if (Object.keys(this.#notes).length || this.#scene) this.#schedule();
      });
  }
}
