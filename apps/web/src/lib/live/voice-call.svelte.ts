/**
 * The live room's voice call in the browser: WebRTC audio between the candidate and the interviewer, its
 * signalling sent through the API and received on the room's events stream. The candidate makes the offer once
 * both have joined (each says "ready"); ICE servers come from the API (none on one machine). Mute, told to the
 * other side by a signal; a level per voice from an AudioContext analyser, and whether each is speaking
 * (speaking.ts), for the who-is-speaking indicator.
 *
 * The call heals itself: a page reloaded while in the call joins again on load (this tab remembers it was in the
 * call), its "ready" makes the other side answer so a new offer is made, and a connection that fails is offered
 * again (by the candidate) or asked for again (by the interviewer). A practice pair's call goes on over the swap the
 * same way: the first half's call ends with its page or its session, and the second half's page joins its own call
 * as it opens if this tab was in the first, muted if it was (call-memory.ts).
 */
import type { CallConsent, CallSignal, LiveEvent, RoomRole } from '@mockloop/contracts';
import { api, call } from '../api.ts';
import { CallMemory } from './call-memory.ts';
import { LevelMeter } from './level-meter.ts';
import { SpeakingDetector } from './speaking.ts';
import type { LiveRoom } from './room.svelte.ts';

export type CallStatus = 'off' | 'joining' | 'in-call' | 'denied';

interface Peer {
  pc: RTCPeerConnection;
  /** ICE candidates that arrived before the remote description. */
  early: RTCIceCandidateInit[];
}

export class VoiceCall {
  status = $state<CallStatus>('off');
  muted = $state(false);
  /** Members (user ids) who said they are in the call. */
  ready = $state<string[]>([]);
  /** The other side's audio, once connected (an <audio> element plays it). */
  remote = $state<MediaStream | null>(null);
  connected = $state(false);
  localLevel = $state(0);
  remoteLevel = $state(0);
  /** Whether each voice is speaking now (its level over its own noise floor, held between words). */
  localSpeaking = $state(false);
  remoteSpeaking = $state(false);
  /** Members (user ids) who told us they muted their microphone. */
  mutedMembers = $state<string[]>([]);
  /** The loudest the other side has been on the current connection (tests check it heard something). */
  remotePeak = $state(0);
  /** How many times the other side's audio has arrived on a new connection (a healed call counts one more). */
  remoteStreams = $state(0);
  consent = $state<CallConsent>({ agreed: [], recordingAllowed: false });

  #local: MediaStream | null = null;
  #iceServers: RTCIceServer[] = [];
  /** Not state: the connections themselves are never shown. */
  #peers: Record<string, Peer> = {};
  /** The counterparts this page has told it is in the call ("ready"), while they stay in the room. */
  #toldReady: string[] = [];
  #memory: CallMemory;
  #meters = new LevelMeter();
  #localVoice = new SpeakingDetector();
  #remoteVoice = new SpeakingDetector();
  #unlisten: () => void;
  /**
   * The room's events, handled one at a time in order: an offer is answered before a later one replaces its
   * connection. Handled as they came, two offers a moment apart (a join and a "ready" crossing) answered each other's
   * connections and the call stayed down until it failed and was offered again.
   */
  #handling: Promise<void> = Promise.resolve();

  constructor(
    private readonly sessionId: string,
    private readonly room: LiveRoom,
    private readonly me: () => { userId: string; role: RoomRole } | null
  ) {
    this.#memory = new CallMemory(sessionStorage, sessionId);
    this.#unlisten = room.listen((event) => {
      this.#handling = this.#handling.then(() =>
        this.#onEvent(event).catch((error: unknown) => console.warn('voice call: a signal was not handled', error))
      );
    });
  }

  /** The other side's members now in the room. */
  get counterparts() {
    const mine = this.me();
    return this.room.members.filter((m) => mine && m.userId !== mine.userId && m.role !== mine.role);
  }

  async load(): Promise<void> {
    const state = await call(api.sessions[':id'].call.$get({ param: { id: this.sessionId } }));
    this.#iceServers = state.iceServers;
    this.consent = { agreed: state.agreed, recordingAllowed: state.recordingAllowed };
    this.#memory.pair = state.pair;
    // Joined before the state arrived: the pair's next half is to join it too.
    if (this.status === 'in-call') this.#memory.joined(this.muted);
    // Reloaded while in the call, or in the pair's first half's call: join at once (the microphone was allowed), as
    // muted as it was.
    const rejoin = this.#memory.rejoin;
    if (rejoin && this.status === 'off') {
      this.muted = rejoin.muted;
      await this.join();
    }
  }

  async join(): Promise<void> {
    if (this.status === 'in-call' || this.status === 'joining') return;
    this.status = 'joining';
    try {
      this.#local = await navigator.mediaDevices.getUserMedia({ audio: { echoCancellation: true } });
    } catch {
      this.status = 'denied';
      return;
    }
    this.#localVoice.reset();
    this.#meters.watch('local', this.#local, (level) => {
      this.localLevel = level;
      this.localSpeaking = !this.muted && this.#localVoice.update(level, performance.now());
    });
    this.status = 'in-call';
    this.#memory.joined(this.muted);
    this.#applyMute();
    // The candidate offers to whoever is in the call already before saying it is ready, so the "ready" that comes
    // back finds the offer under way and does not start a second one.
    if (this.me()?.role === 'candidate') for (const id of this.ready) await this.#call(id);
    for (const m of this.counterparts) await this.#tellReady(m.userId);
  }

  /** The person leaves the call: nothing joins it again by itself (not after a reload, not in a pair's next half). */
  async leave(): Promise<void> {
    this.#memory.left();
    await this.#hangUp();
  }

  /**
   * The call ends without the person leaving it: the session ended (a pair's swap), or the page goes away. Hung up
   * and closed here and on the other side; a practice pair's next half joins its own call as it opens.
   */
  async end(): Promise<void> {
    this.#memory.ended();
    await this.#hangUp();
  }

  toggleMute(): void {
    this.muted = !this.muted;
    this.#applyMute();
    if (this.muted) this.localSpeaking = false;
    if (this.status !== 'in-call') return;
    this.#memory.joined(this.muted);
    // The other side shows us as muted (or not) at once.
    for (const m of this.counterparts) void this.#send(m.userId, { kind: 'mute', muted: this.muted });
  }

  /** Whether a member told us they are muted. */
  isMuted(userId: string | undefined): boolean {
    return userId !== undefined && this.mutedMembers.includes(userId);
  }

  /** Agrees (or no longer agrees) to record the call into the session. */
  async setConsent(record: boolean): Promise<void> {
    this.consent = await call(
      api.sessions[':id'].call.consent.$put({ param: { id: this.sessionId }, json: { record } })
    );
  }

  agreed(userId: string | undefined): boolean {
    return this.consent.agreed.some((a) => a.userId === userId);
  }

  /** The local and remote voices mixed into one stream (recording the call). */
  mixed(context: AudioContext): MediaStream | null {
    if (!this.#local || !this.remote) return null;
    const out = context.createMediaStreamDestination();
    context.createMediaStreamSource(this.#local).connect(out);
    context.createMediaStreamSource(this.remote).connect(out);
    return out.stream;
  }

  /** The page goes away (another page of the app): the call ends, and is not joined again on the way back. */
  destroy(): void {
    void this.end();
    this.#unlisten();
    this.#meters.close();
  }

  async #hangUp(): Promise<void> {
    const told = Object.keys(this.#peers).map((id) => this.#send(id, { kind: 'hangup' }));
    this.#closePeers();
    for (const track of this.#local?.getTracks() ?? []) track.stop();
    this.#local = null;
    this.#meters.stop('local');
    this.localLevel = 0;
    this.localSpeaking = false;
    this.status = 'off';
    this.#toldReady = [];
    await Promise.all(told);
  }

  #applyMute(): void {
    for (const track of this.#local?.getAudioTracks() ?? []) track.enabled = !this.muted;
  }

  #send(to: string, signal: CallSignal): Promise<unknown> {
    return call(api.sessions[':id'].call.signals.$post({ param: { id: this.sessionId }, json: { to, signal } })).catch(
      () => {}
    );
  }

  #peer(id: string): Peer {
    this.#peers[id]?.pc.close();
    const pc = new RTCPeerConnection({ iceServers: this.#iceServers });
    const peer: Peer = { pc, early: [] };
    this.#peers[id] = peer;
    for (const track of this.#local?.getTracks() ?? []) pc.addTrack(track, this.#local!);
    pc.onicecandidate = (e) =>
      void this.#send(id, { kind: 'ice', candidate: e.candidate ? toInit(e.candidate) : null });
    pc.ontrack = (e) => {
      const stream = e.streams[0] ?? new MediaStream([e.track]);
      this.remote = stream;
      this.remotePeak = 0; // a new connection: what is heard from now on
      this.remoteStreams += 1;
      this.#remoteVoice.reset();
      this.#meters.watch('remote', stream, (level) => {
        this.remoteLevel = level;
        this.remotePeak = Math.max(this.remotePeak, level);
        this.remoteSpeaking = this.#remoteVoice.update(level, performance.now());
      });
    };
    pc.onconnectionstatechange = () => {
      if (this.#peers[id]?.pc !== pc) return; // replaced by a newer connection
      this.connected = pc.connectionState === 'connected';
      // Lost (the network, the other side's page): the candidate offers again, the interviewer asks for it.
      if (pc.connectionState === 'failed' && this.status === 'in-call') {
        if (this.me()?.role === 'candidate') void this.#call(id);
        else void this.#send(id, { kind: 'ready' });
      }
    };
    return peer;
  }

  /**
   * Tells a counterpart this page is in the call (and muted, if so): they answer with a connection. `reply` asks
   * the candidate to offer only if nothing is under way with us (the interviewer's side, told as presence shows the
   * candidate: their own new page has sent a "ready" of its own, and two offers at once would cross).
   */
  async #tellReady(id: string, reply = false): Promise<void> {
    if (!this.#toldReady.includes(id)) this.#toldReady.push(id);
    await this.#send(id, reply ? { kind: 'ready', reply: true } : { kind: 'ready' });
    if (this.muted) await this.#send(id, { kind: 'mute', muted: true });
  }

  /** The candidate's offer to a member in the call. */
  async #call(id: string): Promise<void> {
    const { pc } = this.#peer(id);
    await pc.setLocalDescription(await pc.createOffer());
    await this.#send(id, { kind: 'offer', sdp: pc.localDescription!.sdp });
  }

  async #onEvent(event: LiveEvent): Promise<void> {
    if (event.type === 'call-consent') this.consent = event.consent;
    if (event.type === 'presence') {
      const present = (id: string) => event.members.some((m) => m.userId === id);
      this.ready = this.ready.filter(present);
      this.mutedMembers = this.mutedMembers.filter(present);
      this.#toldReady = this.#toldReady.filter(present);
      // A page reloaded in the call joins at once, often before the room's presence has arrived, so it had nobody
      // to tell: each counterpart is told as presence shows them. (Untold, the interviewer's old connection had to
      // fail first, 15–30 s later, before the call came back.)
      const mine = this.me();
      if (this.status === 'in-call' && mine)
        for (const m of event.members)
          if (m.userId !== mine.userId && m.role !== mine.role && !this.#toldReady.includes(m.userId))
            await this.#tellReady(m.userId, mine.role !== 'candidate');
    }
    if (event.type !== 'signal') return;
    const { from, signal } = event;
    if (signal.kind === 'mute') {
      const others = this.mutedMembers.filter((id) => id !== from);
      this.mutedMembers = signal.muted ? [...others, from] : others;
    } else if (signal.kind === 'ready') {
      if (!this.ready.includes(from)) this.ready = [...this.ready, from];
      // A new page on their side knows nothing of our mute yet.
      if (this.muted && this.status === 'in-call') await this.#send(from, { kind: 'mute', muted: true });
      if (this.status !== 'in-call') return;
      if (this.me()?.role === 'candidate') {
        // A new "ready" is a new page on their side: offer afresh. A reply is answered only when nothing is under way.
        const state = this.#peers[from]?.pc.connectionState;
        if (!signal.reply || !state || state === 'failed' || state === 'closed') await this.#call(from);
      } else if (!signal.reply) {
        await this.#send(from, { kind: 'ready', reply: true });
      }
    } else if (signal.kind === 'offer' && this.status === 'in-call') {
      const peer = this.#peer(from);
      await peer.pc.setRemoteDescription({ type: 'offer', sdp: signal.sdp });
      await this.#flushEarly(peer);
      await peer.pc.setLocalDescription(await peer.pc.createAnswer());
      await this.#send(from, { kind: 'answer', sdp: peer.pc.localDescription!.sdp });
    } else if (signal.kind === 'answer') {
      const peer = this.#peers[from];
      // An answer to an offer a newer one replaced (its connection is gone) has nothing to answer.
      if (!peer || peer.pc.signalingState !== 'have-local-offer') return;
      await peer.pc.setRemoteDescription({ type: 'answer', sdp: signal.sdp });
      await this.#flushEarly(peer);
    } else if (signal.kind === 'ice') {
      const peer = this.#peers[from];
      if (!peer || !signal.candidate) return;
      if (peer.pc.remoteDescription) await peer.pc.addIceCandidate(signal.candidate).catch(() => {});
      else peer.early.push(signal.candidate);
    } else if (signal.kind === 'hangup') {
      this.ready = this.ready.filter((id) => id !== from);
      this.mutedMembers = this.mutedMembers.filter((id) => id !== from);
      this.#peers[from]?.pc.close();
      delete this.#peers[from];
      this.remote = null;
      this.connected = false;
      this.#meters.stop('remote');
      this.remoteLevel = 0;
      this.remoteSpeaking = false;
    }
  }

  async #flushEarly(peer: Peer): Promise<void> {
    for (const candidate of peer.early.splice(0)) await peer.pc.addIceCandidate(candidate).catch(() => {});
  }

  #closePeers(): void {
    for (const { pc } of Object.values(this.#peers)) pc.close();
    this.#peers = {};
    this.remote = null;
    this.connected = false;
    this.#meters.stop('remote');
    this.remoteLevel = 0;
    this.remoteSpeaking = false;
  }
}

function toInit(c: RTCIceCandidate) {
  return { candidate: c.candidate, sdpMid: c.sdpMid, sdpMLineIndex: c.sdpMLineIndex };
}
