/** The timed coding mock, from the 16-week roadmap's mock loops and the gaps its Week 16 review names. */
import type { Rubric } from '../schema.ts';
import { SEED } from '../seeds.ts';
import { STANDARD_HIRE_THRESHOLDS } from './thresholds.ts';

export const codingMock: Rubric = {
  id: 'coding-mock',
  version: 1,
  title: 'Coding mock (DS&A, timed)',
  kind: 'coding',
  source: { file: SEED.bigTechInterview16Week, section: 'Week 16 · *Mock Interviews, Resume Polish, Outreach*' },
  alsoFrom: [
    { file: SEED.bigTechInterview16Week, section: 'Phase 5 – Week 16 • Mock Loops & Launch' },
    { file: SEED.bigTechInterview16Week, section: 'PHASE 1 · Week 2 · "Python Fundamentals I"' }
  ],
  hireThresholds: STANDARD_HIRE_THRESHOLDS,
  criteria: [
    {
      id: 'correctness',
      name: 'Correctness on hidden tests',
      weight: 30,
      competency: 'correctness',
      critical: true,
      auto: 'testPassRate',
      description: 'The submitted solution passes the hidden tests.',
      levels: {
        1: 'No working solution: most hidden tests fail or the code does not run.',
        2: 'Works on the examples but fails a good share of the hidden tests.',
        3: 'Passes nearly all hidden tests; a minor case slips through.',
        4: 'Passes every hidden test.'
      }
    },
    {
      id: 'complexity',
      name: 'Complexity articulation',
      weight: 15,
      competency: 'complexity',
      description: 'States the time and space complexity of the solution and why, and of the alternatives.',
      levels: {
        1: 'No complexity given, or a wrong one.',
        2: 'Correct Big-O for time only, or without a reason.',
        3: 'Correct time and space with the reasoning, compared with the brute force.',
        4: 'Tight analysis including amortised or worst cases, and knows whether it is optimal.'
      }
    },
    {
      id: 'edge-cases',
      name: 'Edge-case enumeration',
      weight: 15,
      competency: 'edge-cases',
      description: 'Lists the edge cases before or while coding and checks the code against them.',
      levels: {
        1: 'No edge cases considered.',
        2: 'Handles an edge case or two after a test fails.',
        3: 'Lists empty, single, duplicate and boundary inputs up front and handles them.',
        4: 'Finds the subtle cases (overflow, ties, cycles) and walks the code through each.'
      }
    },
    {
      id: 'code-quality',
      name: 'Code quality',
      weight: 15,
      competency: 'code-quality',
      description: 'Readable, idiomatic code with clear names and structure.',
      levels: {
        1: 'Hard to follow: cryptic names, copy-paste, tangled control flow.',
        2: 'Works but messy: long function, magic numbers, unclear names.',
        3: 'Clean, idiomatic code with helpful names and small pieces.',
        4: 'Code an interviewer would merge: clear, idiomatic and easy to extend.'
      }
    },
    {
      id: 'time-vs-box',
      name: 'Time against the time box',
      weight: 10,
      competency: 'time-management',
      auto: 'timeVsBox',
      description: 'Finishes within the time box for the difficulty (easy 15, medium 30, hard 60 minutes).',
      levels: {
        1: 'Well over the time box.',
        2: 'A little over the time box.',
        3: 'Within the time box.',
        4: 'Well within the time box, with time left to test.'
      }
    },
    {
      id: 'communication',
      name: 'Communication',
      weight: 15,
      competency: 'communication',
      description: 'Explains the approach before coding and narrates decisions while coding.',
      levels: {
        1: 'Codes in silence; the approach is never explained.',
        2: 'Explains when asked, but the approach is hard to follow.',
        3: 'States the approach and its complexity before coding and narrates key steps.',
        4: 'Clear throughout: weighs approaches aloud, takes hints and tests out loud.'
      }
    }
  ]
};
