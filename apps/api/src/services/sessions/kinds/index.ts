/**
 * The kinds of mock on the API side, one module each, registered here once: a kind added to `MOCK_KINDS`
 * (packages/contracts) fails the type check until it has a module in this record.
 */
import type { MockKind } from '@mockloop/contracts';
import { behavioral } from './behavioral.ts';
import { coding } from './coding.ts';
import { design } from './design.ts';
import type { KindModule } from './kind.ts';
import { loop } from './loop.ts';

export type { FinishedWork, KindModule } from './kind.ts';
export { CODING_LENGTHS_MIN } from './coding.ts';
export { DESIGN_LENGTHS_MIN } from './design.ts';

export const KINDS: Record<MockKind, KindModule> = { design, coding, behavioral, loop };

export const kindModule = (kind: MockKind): KindModule => KINDS[kind];
