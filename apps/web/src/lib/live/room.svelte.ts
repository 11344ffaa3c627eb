/**
 * The browser's side of a session's live room: its state (members, chat, notes, reveals), kept current by the
 * events stream (the native EventSource, which resumes with Last-Event-ID after a drop by itself).
 */
import type { InterviewerGuide, LiveEvent, RoomItem, RoomMember, RoomRole } from '@mockloop/contracts';
import { api, ApiRequestError, call } from '../api.ts';

export type Connection = 'connecting' | 'live' | 'reconnecting' | 'ended';

type Handlers = { [K in LiveEvent['type']]?: (event: Extract<LiveEvent, { type: K }>) => void };

export class LiveRoom {
  connection = $state<Connection>('connecting');
  /** Why the stream ended (a revoked invite), shown to the user. */
  endedBecause = $state('');
  members = $state<RoomMember[]>([]);
  items = $state<RoomItem[]>([]);
  role = $state<RoomRole | null>(null);
  guide = $state<InterviewerGuide | null>(null);
  /** Milliseconds to add to Date.now() for the server's clock, from the stream's hello. */
  serverOffsetMs = $state(0);

  readonly #sessionId: string;
  readonly #session = api.sessions[':id'];
  readonly #param: { id: string };
  readonly #handlers: Handlers;
  #source: EventSource | null = null;
  #closed = false;
  #lastSeq = 0;
  #listeners: ((event: LiveEvent) => void)[] = [];

  constructor(sessionId: string, handlers: Handlers = {}) {
    this.#sessionId = sessionId;
    this.#param = { id: sessionId };
    this.#handlers = handlers;
  }

  get interviewers(): RoomMember[] {
    return this.members.filter((m) => m.role === 'interviewer');
  }

  get chat(): RoomItem[] {
    return this.items.filter((i) => i.kind === 'chat');
  }

  get reveals(): RoomItem[] {
    return this.items.filter((i) => i.kind === 'reveal');
  }

  get runs(): RoomItem[] {
    return this.items.filter((i) => i.kind === 'run');
  }

  get notes(): RoomItem[] {
    return this.items.filter((i) => i.kind === 'note');
  }

  /** Loads the room, then follows it from exactly where the load left off. */
  async start(): Promise<void> {
    const seq = await this.#load();
    if (!this.#closed) this.#open(seq);
  }

  #open(after: number): void {
    const source = new EventSource(`/api/sessions/${this.#sessionId}/events?after=${after}`);
    this.#source = source;
    source.onopen = () => {
      if (this.connection !== 'ended') this.connection = 'live';
    };
    source.onerror = () => {
      if (this.connection === 'ended') return;
      this.connection = 'reconnecting';
      // CONNECTING: the browser is already retrying. CLOSED: it gave up (a refusal, or a server stopping).
      if (source.readyState === EventSource.CLOSED) void this.#retry();
    };
    source.onmessage = (message: MessageEvent<string>) => {
      if (message.lastEventId) this.#lastSeq = Number(message.lastEventId);
      this.#receive(JSON.parse(message.data) as LiveEvent);
    };
  }

  /** After a refused stream: out of the room (404, 401) ends it; anything else tries again shortly. */
  async #retry(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, 2000));
    if (this.#closed || this.connection === 'ended') return;
    try {
      await call(this.#session.room.$get({ param: this.#param }));
    } catch (error) {
      if (error instanceof ApiRequestError && (error.status === 404 || error.status === 401)) {
        this.#end('You are no longer in this room.');
        return;
      }
      void this.#retry();
      return;
    }
    this.#open(this.#lastSeq);
  }

  /** Hears every event after the page's own handlers (the voice call's signals); returns the way to stop. */
  listen(listener: (event: LiveEvent) => void): () => void {
    this.#listeners.push(listener);
    return () => {
      this.#listeners = this.#listeners.filter((l) => l !== listener);
    };
  }

  close(): void {
    this.#closed = true;
    this.#source?.close();
  }

  async say(text: string): Promise<void> {
    this.#add((await call(this.#session.chat.$post({ param: this.#param, json: { text } }))).item);
  }

  async note(text: string): Promise<void> {
    const posted = this.#session['interviewer-notes'].$post({ param: this.#param, json: { text } });
    this.#add((await call(posted)).item);
  }

  async reveal(kind: 'followUp' | 'hint', index: number): Promise<void> {
    this.#add((await call(this.#session.reveals.$post({ param: this.#param, json: { kind, index } }))).item);
  }

  isRevealed(kind: 'followUp' | 'hint', index: number): boolean {
    return this.reveals.some((r) => r.reveal?.kind === kind && r.reveal.index === index);
  }

  async #load(): Promise<number> {
    const room = await call(this.#session.room.$get({ param: this.#param }));
    this.role = room.role;
    this.guide = room.guide;
    this.items = room.items;
    this.members = room.members;
    this.#lastSeq = Math.max(this.#lastSeq, room.eventSeq);
    return room.eventSeq;
  }

  #add(item: RoomItem): void {
    if (!this.items.some((i) => i.id === item.id)) this.items = [...this.items, item];
  }

  #end(message: string): void {
    this.connection = 'ended';
    this.endedBecause = message;
    this.#source?.close();
  }

  #receive(event: LiveEvent): void {
    switch (event.type) {
      case 'hello':
        this.connection = 'live';
        this.serverOffsetMs = Date.parse(event.serverNow) - Date.now();
        break;
      case 'chat':
      case 'reveal':
      case 'note':
      case 'run':
        this.#add(event.item);
        break;
      case 'presence':
        this.members = event.members;
        break;
      case 'resync':
        void this.#load();
        break;
      case 'error':
        this.#end(event.message);
        break;
    }
    (this.#handlers[event.type] as ((e: LiveEvent) => void) | undefined)?.(event);
    for (const listener of this.#listeners) listener(event);
  }
}
