/** The kinds of mock as a person reads them: one record, so a new kind fails the type check until it has a label. */
import type { MockKind } from '@mockloop/contracts';

export type { MockKind };

export const MOCK_KIND_LABELS = {
  design: 'System design',
  coding: 'Coding',
  behavioral: 'Behavioral',
  loop: 'Interview loop'
} as const satisfies Record<MockKind, string>;

/** Each kind as the interviewer's console names what they are interviewing for. */
export const MOCK_KIND_INTERVIEW_LABELS = {
  coding: 'coding',
  design: 'system design',
  behavioral: 'behavioral and leadership',
  loop: 'a full interview loop'
} as const satisfies Record<MockKind, string>;

/** Every kind with its label, in the order the filters list them. */
export const MOCK_KIND_OPTIONS = Object.entries(MOCK_KIND_LABELS) as [MockKind, string][];
