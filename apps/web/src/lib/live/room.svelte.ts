/**
 * The browser's side of a session's live room: its state (members, chat, notes, reveals), kept current by the
 * events stream (the native EventSource, which resumes with Last-Event-ID after a drop by itself). What this
 * person writes into the room goes through its outbox (room-outbox.ts): kept across a dropped network and a
 * reload, sent once, in order.
 */
import type { InterviewerGuide, LiveEvent, RoomItem, RoomMember, RoomRole } from '@mockloop/contracts';
import { get, set } from 'idb-keyval';
import { api, ApiRequestError, call } from '../api.ts';
import { RoomOutbox, type RoomWrite } from './room-outbox.ts';

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
  /** This person's writes the server does not have yet (shown as sending). */
  unsent = $state<RoomWrite[]>([]);
  /** The cursor of the page of chat and notes before the ones shown (null: everything is shown). */
  earlier = $state<string | null>(null);
  /** Why writes are waiting, or why one was refused; empty once everything is sent. */
  sendStatus = $state('');

  readonly #sessionId: string;
  readonly #session = api.sessions[':id'];
  readonly #param: { id: string };
  readonly #handlers: Handlers;
  #source: EventSource | null = null;
  #closed = false;
  #lastSeq = 0;
  #listeners: ((event: LiveEvent) => void)[] = [];
  readonly #outbox: RoomOutbox;

  constructor(sessionId: string, handlers: Handlers = {}) {
    this.#sessionId = sessionId;
    this.#param = { id: sessionId };
    this.#handlers = handlers;
    const key = `mockloop:room-outbox:${sessionId}`;
    this.#outbox = new RoomOutbox({
      store: { read: async () => (await get<RoomWrite[]>(key)) ?? [], write: (writes) => set(key, writes) },
      send: (write) => this.#send(write),
      failureOf: (error) =>
        error instanceof ApiRequestError ? { status: error.status, code: error.code, message: error.message } : null,
      onChange: (unsent, waiting) => {
        this.unsent = unsent;
        if (waiting) this.sendStatus = waiting;
        else if (unsent.length === 0 && !this.#refused) this.sendStatus = '';
      },
      onRefused: (write, message) => {
        this.#refused = true;
        this.sendStatus =
          write.kind === 'reveal' ? `Not revealed: ${message}` : `Not sent: “${write.text}”. ${message}`;
      }
    });
  }

  /** A refusal's message stays until this person writes again. */
  #refused = false;

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
    if (typeof window !== 'undefined') window.addEventListener('online', this.#online);
    void this.#outbox.load();
    const seq = await this.#load();
    if (!this.#closed) this.#open(seq);
  }

  /** The network is back: send what waits now rather than at the next retry. */
  #online = () => void this.#outbox.drain();

  #open(after: number): void {
    // The typed client names the path (relative to /api); EventSource does the reconnecting.
    const path = api.sessions[':id'].events.$path({ param: { id: this.#sessionId }, query: { after: String(after) } });
    const source = new EventSource(`/api${path}`);
    this.#source = source;
    source.onopen = () => {
      if (this.connection !== 'ended') this.connection = 'live';
      void this.#outbox.drain();
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
      await call(this.#session.room.$get({ param: this.#param, query: {} }));
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

  /** Reads the page of chat and notes before the earliest shown, and shows it above them. */
  async loadEarlier(): Promise<void> {
    if (!this.earlier) return;
    const page = await call(this.#session.room.$get({ param: this.#param, query: { before: this.earlier } }));
    const known = this.items.map((i) => i.id);
    this.items = [...page.items.filter((i) => !known.includes(i.id)), ...this.items];
    this.earlier = page.earlier;
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
    this.#outbox.close();
    if (typeof window !== 'undefined') window.removeEventListener('online', this.#online);
  }

  /** A chat message: kept, then sent after this person's earlier writes. */
  say(text: string): Promise<void> {
    return this.#write({ clientId: newClientId(), kind: 'chat', text });
  }

  /** An interviewer's note pinned to now (the server pins it when it arrives). */
  note(text: string): Promise<void> {
    return this.#write({ clientId: newClientId(), kind: 'note', text });
  }

  reveal(kind: 'followUp' | 'hint', index: number): Promise<void> {
    return this.#write({ clientId: newClientId(), kind: 'reveal', reveal: { kind, index } });
  }

  isRevealed(kind: 'followUp' | 'hint', index: number): boolean {
    return this.reveals.some((r) => r.reveal?.kind === kind && r.reveal.index === index);
  }

  /** Whether a reveal of this one is waiting in the outbox. */
  isRevealing(kind: 'followUp' | 'hint', index: number): boolean {
    return this.unsent.some((w) => w.kind === 'reveal' && w.reveal.kind === kind && w.reveal.index === index);
  }

  #write(write: RoomWrite): Promise<void> {
    this.#refused = false;
    if (!this.sendStatus.startsWith('Cannot reach')) this.sendStatus = '';
    return this.#outbox.add(write);
  }

  async #send(write: RoomWrite): Promise<void> {
    const param = this.#param;
    const { clientId } = write;
    const sent =
      write.kind === 'reveal'
        ? this.#session.reveals.$post({ param, json: write.reveal })
        : write.kind === 'chat'
          ? this.#session.chat.$post({ param, json: { text: write.text, clientId } })
          : this.#session['interviewer-notes'].$post({ param, json: { text: write.text, clientId } });
    this.#add((await call(sent)).item);
  }

  async #load(): Promise<number> {
    const room = await call(this.#session.room.$get({ param: this.#param, query: {} }));
    this.role = room.role;
    this.guide = room.guide;
    this.items = room.items;
    this.earlier = room.earlier;
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

/** A write's own id (crypto.randomUUID needs a secure context; this works on plain http too). */
function newClientId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
