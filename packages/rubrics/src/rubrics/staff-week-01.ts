/** Week 01 of the 24-week staff roadmap: its evaluation rubric, applied to the task manager CLI. */
import { staffWeekRubric } from './staff-week.ts';

export const staffWeek01 = staffWeekRubric(1, 'Programming Fundamentals Mastery', [
  {
    id: 'code-executes-correctly',
    name: 'Code executes correctly',
    weight: 40,
    competency: 'correctness',
    critical: true,
    auto: 'testPassRate',
    description: "The task manager's CRUD, filtering and sorting behave as specified on every run.",
    levels: {
      1: 'Crashes or gives wrong results on the basic add, list or delete paths.',
      2: 'Main paths work; filtering, sorting or due-date handling is wrong in places.',
      3: 'Every feature works on normal input and the tests pass.',
      4: 'Everything works, odd inputs included, and a test suite proves it.'
    }
  },
  {
    id: 'proper-error-handling',
    name: 'Proper error handling',
    weight: 30,
    competency: 'edge-cases',
    description: 'Bad input, missing files and corrupt JSON are caught and reported, never silently ignored.',
    levels: {
      1: 'Bad input or a missing storage file crashes the program with a stack trace.',
      2: 'Some errors are caught, but with bare excepts or messages that hide the cause.',
      3: 'Expected failures are caught with specific exceptions and clear messages.',
      4: 'Failure modes designed up front: validated input, safe writes, helpful messages, all tested.'
    }
  },
  {
    id: 'code-readability-and-comments',
    name: 'Code readability and comments',
    weight: 20,
    competency: 'code-quality',
    description: 'Names, structure, type hints and comments make the code easy to follow.',
    levels: {
      1: 'Long functions, cryptic names, no type hints or comments.',
      2: 'Readable in parts; inconsistent naming and comments that restate the code.',
      3: 'Small functions, clear names, type hints, comments that explain why.',
      4: 'Reads like a well-kept library: consistent style, docstrings, a README a newcomer can use.'
    }
  },
  {
    id: 'efficient-algorithms-used',
    name: 'Efficient algorithms used',
    weight: 10,
    competency: 'complexity',
    description: 'Data structures and algorithms fit the operations, with no needless quadratic work.',
    levels: {
      1: 'Nested scans or repeated file reads where a single pass would do.',
      2: 'Mostly reasonable, with a few avoidable O(n^2) spots.',
      3: 'Fitting structures (dicts, sorted keys) whose costs are known.',
      4: 'Chooses and justifies structures by their Big-O, and measures where it matters.'
    }
  }
]);
