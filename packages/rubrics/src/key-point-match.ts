/**
 * Whether a candidate's notes cover a key point. A passing mention of one word ("cost", "region") is not
 * enough: the notes must contain one of the point's phrases ("capacity planning", "multi-region"), or two of
 * its single-word terms within a few words of each other ("cache … ttl").
 */

/** How close two single-word terms must be, in words, to count as one statement of the point. */
export const CO_OCCURRENCE_WINDOW_WORDS = 12;

/** A phrase is several words, or words joined by a hyphen: specific enough to count on its own. */
export function isPhrase(term: string): boolean {
  return /[\s-]/.test(term.trim());
}

export interface KeyPointMatch {
  covered: boolean;
  /** The evidence terms that cover the point: a phrase, or the co-occurring words. */
  matched: string[];
  /** Terms found on their own that did not cover the point (a passing mention). */
  mentioned: string[];
}

interface Hit {
  term: string;
  start: number;
  end: number;
  word: number;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** Where each term starts a word in the text (terms are stems: "invalidat" matches "invalidation"). */
function hitsOf(term: string, text: string, wordAt: (index: number) => number): Hit[] {
  const needle = term.trim().toLowerCase();
  if (!needle) return [];
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(needle)}`, 'gu');
  return [...text.matchAll(pattern)].map((m) => ({
    term,
    start: m.index,
    end: m.index + needle.length,
    word: wordAt(m.index)
  }));
}

/** A function from a character index to the number of words that start before it. */
function wordIndexer(text: string): (index: number) => number {
  const starts = [...text.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => m.index);
  return (index) => {
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]! <= index) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

/**
 * @example
 * matchKeyPoint(['cache', 'ttl', 'invalidat'], 'a redis cache with a 5 min ttl');
 * // → { covered: true, matched: ['cache', 'ttl'], mentioned: [] }
 */
export function matchKeyPoint(evidence: readonly string[], text: string): KeyPointMatch {
  const lower = text.toLowerCase();
  const wordAt = wordIndexer(lower);
  const phrases = evidence.filter(isPhrase);
  const words = evidence.filter((term) => !isPhrase(term));

  const phraseHits = phrases.flatMap((term) => hitsOf(term, lower, wordAt));
  const insidePhrase = (hit: Hit) => phraseHits.some((p) => hit.start >= p.start && hit.end <= p.end);
  // A word inside a matched phrase ("region" in "multi-region") is that phrase, not a second term.
  const wordHits = words.flatMap((term) => hitsOf(term, lower, wordAt)).filter((hit) => !insidePhrase(hit));

  const together = new Set<string>();
  for (const a of wordHits) {
    for (const b of wordHits) {
      if (a.term === b.term || a.word === b.word) continue;
      if (Math.abs(a.word - b.word) <= CO_OCCURRENCE_WINDOW_WORDS) together.add(a.term).add(b.term);
    }
  }
  const matchedPhrases = phrases.filter((term) => phraseHits.some((hit) => hit.term === term));
  const matched = [...matchedPhrases, ...words.filter((term) => together.has(term))];
  const mentioned = words.filter((term) => !together.has(term) && wordHits.some((hit) => hit.term === term));
  return { covered: matched.length > 0, matched, mentioned };
}

/** Whether a key point can be covered at all: it needs a phrase or at least two single-word terms. */
export function isCoverable(evidence: readonly string[]): boolean {
  return evidence.some(isPhrase) || new Set(evidence.map((t) => t.trim().toLowerCase())).size >= 2;
}
