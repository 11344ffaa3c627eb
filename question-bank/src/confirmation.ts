/**
 * Which hidden tests a candidate's browser receives and which the server holds back for confirmation. A
 * reviewer confirms a submission on the held-back tests, which the candidate never received: code that
 * hard-codes the answers it was sent cannot pass them. Every third hidden test is held back, so both sets
 * reach across the file's cases (they are written from small and edge cases to large ones).
 */
import type { CodingQuestion, TestCase } from './schema.ts';

const HOLD_BACK_EVERY = 3;

const heldBack = (index: number) => index % HOLD_BACK_EVERY === HOLD_BACK_EVERY - 1;

/** The hidden tests the candidate's browser runs at Submit, to judge itself. */
export function candidateTests(question: Pick<CodingQuestion, 'hiddenTests'>): TestCase[] {
  return question.hiddenTests.filter((_, i) => !heldBack(i));
}

/** The tests only the session's reviewers receive (inputs only), to confirm a submission. */
export function confirmationTests(question: Pick<CodingQuestion, 'hiddenTests'>): TestCase[] {
  return question.hiddenTests.filter((_, i) => heldBack(i));
}
