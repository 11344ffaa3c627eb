/**
 * What a solution may use without importing it, per language, as LeetCode preloads it: the problem page says so.
 * Text only, so a page can show it without loading the harness.
 */
export const PRELOADED = {
  javascript:
    'PriorityQueue, MinPriorityQueue and MaxPriorityQueue (@datastructures-js/priority-queue 6), Queue (@datastructures-js/queue 4), ListNode, TreeNode and Node',
  python:
    'SortedList, SortedDict and SortedSet (sortedcontainers), heapq, collections, bisect, functools, itertools, math, string, re, operator and typing, each imported as on LeetCode (from heapq import *, …), and ListNode, TreeNode and Node; a class Solution with LeetCode’s method name works too'
} as const;
