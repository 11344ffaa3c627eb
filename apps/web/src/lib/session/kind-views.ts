/**
 * Each kind of mock on the web side, registered once: its mock page, the part of the result page that is its own,
 * and what the interviewer watches live. Loaded for its kind only (a whiteboard never ships the coding mock's
 * code); a kind added to `MOCK_KINDS` (packages/contracts) fails the type check until it has its views here.
 */
import type { MockKind, RoomItem, Session } from '@mockloop/contracts';
import type { Component } from 'svelte';
import type { WhiteboardHandle } from '$lib/whiteboard/mount.ts';

export type MockData = { session: Session; receivedAt: number };
export type ResultProps = { session: Session; markers: RoomItem[]; jumpAt: string | null };

/** What the interviewer's console hands every kind's live view (each takes what it needs of it). */
export type LiveProps = {
  session: Session;
  /** The candidate's Runs, as the room keeps them. */
  runs: RoomItem[];
  /** The phase (or prompt) the candidate is on. */
  currentIndex: number;
  /** Bumped on every submission, so a view that lists them reads them again. */
  refreshKey: number;
  /** Shapes on the candidate's board, as drafted. */
  shapes: number;
  /** Hands the console the live whiteboard to draw drafts on. */
  onboard: (handle: WhiteboardHandle) => void;
};

type Lazy<Props extends Record<string, unknown>> = () => Promise<{ default: Component<Props> }>;

export interface KindViews {
  /** The candidate's page while the mock runs. */
  mock: Lazy<{ data: MockData }>;
  /** The finished work on the result page (score, invites and the room's log are every kind's). */
  result: Lazy<ResultProps>;
  /** What the interviewer watches while it runs (the console around it is every kind's). */
  live: Lazy<LiveProps>;
}

export const KIND_VIEWS: Record<MockKind, KindViews> = {
  design: {
    mock: () => import('$lib/session/DesignMock.svelte'),
    result: () => import('$lib/session/DesignResult.svelte'),
    live: () => import('$lib/live/DesignLive.svelte')
  },
  coding: {
    mock: () => import('$lib/coding/CodingMock.svelte'),
    result: () => import('$lib/coding/CodingResult.svelte'),
    live: () => import('$lib/live/CodingLive.svelte')
  },
  behavioral: {
    mock: () => import('$lib/behavioral/BehavioralMock.svelte'),
    result: () => import('$lib/behavioral/BehavioralResult.svelte'),
    live: () => import('$lib/behavioral/LiveAnswers.svelte')
  },
  // A loop runs as its rounds (each a session of its own kind); its own pages are /loops/…
  loop: {
    mock: () => import('$lib/loop/LoopMock.svelte'),
    result: () => import('$lib/loop/LoopResult.svelte'),
    live: () => import('$lib/loop/LoopLive.svelte')
  }
};
