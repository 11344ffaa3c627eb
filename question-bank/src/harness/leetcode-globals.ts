/**
 * What LeetCode predefines for JavaScript and TypeScript besides the list, tree and graph nodes: the
 * `@datastructures-js` queues, as globals, bundled from npm (never fetched at run time).
 */
import { MaxPriorityQueue, MinPriorityQueue, PriorityQueue } from '@datastructures-js/priority-queue';
import { Queue } from '@datastructures-js/queue';

export const LEETCODE_GLOBALS = { PriorityQueue, MinPriorityQueue, MaxPriorityQueue, Queue } as const;
