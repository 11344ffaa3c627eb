/**
 * What a solution may use without importing it, per language, as LeetCode preloads it: the problem page says so.
 * Text only, so a page can show it without loading the harness.
 */
export const PRELOADED = {
  javascript:
    'PriorityQueue, MinPriorityQueue and MaxPriorityQueue (@datastructures-js/priority-queue 6), Queue (@datastructures-js/queue 4), ListNode, TreeNode and Node (also named _Node)',
  python:
    'every name of string, re, datetime, collections, heapq, bisect, copy, math, random, statistics, itertools, functools, operator, io, sys, json and typing (from heapq import *, as LeetCode does), those modules by name, SortedList, SortedDict and SortedSet (sortedcontainers), ListNode, TreeNode and Node; the entry is always yours: your class Solution’s method (LeetCode’s name) or your function'
} as const;
