/** Week 02 of the 24-week staff roadmap: its evaluation rubric, applied to the key-value store and data structures. */
import { staffWeekRubric } from './staff-week.ts';

export const staffWeek02 = staffWeekRubric(2, 'Data Structures & Algorithmic Thinking', [
  {
    id: 'correct-implementations',
    name: 'Correct implementations',
    weight: 35,
    competency: 'correctness',
    critical: true,
    auto: 'testPassRate',
    description: 'BST, hash table, traversals, sorts and the LRU/TTL store return correct results.',
    levels: {
      1: 'Core structures return wrong results or corrupt state on insert or delete.',
      2: 'Happy paths work; deletes, rehashing or eviction order break.',
      3: 'Every structure behaves correctly and passes its tests.',
      4: 'Correct under randomised and stress tests, concurrent access to the store included.'
    }
  },
  {
    id: 'time-space-complexity-analysis',
    name: 'Time/space complexity analysis',
    weight: 30,
    competency: 'complexity',
    description: 'States and justifies the time and space cost of each operation.',
    levels: {
      1: 'No complexity stated, or stated wrongly.',
      2: 'Big-O for the obvious cases, without justification or without space.',
      3: 'Correct time and space for each operation, with the reasoning.',
      4: 'Also amortised and worst cases (rehashing, unbalanced trees), backed by measurements.'
    }
  },
  {
    id: 'edge-case-handling',
    name: 'Edge case handling',
    weight: 25,
    competency: 'edge-cases',
    description: 'Empty structures, duplicates, single elements, expired keys and full caches are handled.',
    levels: {
      1: 'Empty or single-element inputs fail.',
      2: 'Some edge cases handled, found by accident rather than listed.',
      3: 'Edge cases listed up front, each covered by a test.',
      4: 'Thorough, races on expiry and eviction included, each with a test.'
    }
  },
  {
    id: 'code-documentation',
    name: 'Code documentation',
    weight: 10,
    competency: 'code-quality',
    description: "Docstrings and notes explain each structure's invariants and costs.",
    levels: {
      1: 'No documentation.',
      2: 'Sparse docstrings that restate the names.',
      3: 'Each public method documented with its behaviour and complexity.',
      4: 'Invariants, complexity proofs and usage examples a reader can check.'
    }
  }
]);
