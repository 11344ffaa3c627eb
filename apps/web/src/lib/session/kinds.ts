/** The kinds of mock as a person reads them: one record, so a new kind fails the type check until it has a label. */
import type { Session } from '@mockloop/contracts';

export type MockKind = Session['kind'];

export const MOCK_KIND_LABELS = {
  design: 'System design',
  coding: 'Coding',
  behavioral: 'Behavioral'
} as const satisfies Record<MockKind, string>;

/** Every kind with its label, in the order the filters list them. */
export const MOCK_KIND_OPTIONS = Object.entries(MOCK_KIND_LABELS) as [MockKind, string][];
