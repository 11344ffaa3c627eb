/** The kinds of mock, from their one list in packages/rubrics (rubrics cannot import contracts; contracts import it). */
export { MOCK_KINDS, QUESTION_KINDS, isMockKind, type MockKind, type QuestionKind } from '@mockloop/rubrics/kinds';
