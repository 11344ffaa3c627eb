/** The coding patterns of the 16-week roadmap's two LeetCode pattern passes, with stable ids. */
import { z } from 'zod';

export const CODING_PATTERNS = [
  { id: 'arrays-hashing', name: 'Arrays & Hashing', week: 5 },
  { id: 'two-pointers-sliding-window', name: 'Two Pointers / Sliding Window', week: 6 },
  { id: 'stack-queue-monotonic', name: 'Stack / Queue / Monotonic Stack', week: 7 },
  { id: 'prefix-sum-intervals', name: 'Prefix Sum / Intervals', week: 8 },
  { id: 'binary-search-trees', name: 'Binary Search + Trees', week: 9 },
  { id: 'heaps-priority-queue', name: 'Heaps + Priority Queue', week: 10 },
  { id: 'tries-backtracking', name: 'Tries + Backtracking', week: 11 },
  { id: 'graphs', name: 'Graphs (BFS/DFS, Union-Find)', week: 12 }
] as const;

export type CodingPattern = (typeof CODING_PATTERNS)[number];
export type PatternId = CodingPattern['id'];

export const PATTERN_IDS = CODING_PATTERNS.map((pattern) => pattern.id) as [PatternId, ...PatternId[]];
export const patternIdSchema = z.enum(PATTERN_IDS);
