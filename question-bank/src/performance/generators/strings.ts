/** Generators for the string problems. */
import { LOWER, PRINTABLE, UPPER } from '../random.ts';
import { size, type Generator } from './types.ts';

export const stringGenerators: Record<string, Generator> = {
  'lc-0003-longest-substring-without-repeating': (rng, p) => ({ input: [rng.string(size(p, 'n', 50_000), PRINTABLE)] }),
  /** 200 long strings sharing most of their length: comparing all pairs or every prefix is slow. */
  'lc-0014-longest-common-prefix': (rng, p) => {
    const common = rng.string(size(p, 'prefix', 150), LOWER);
    return {
      input: [
        Array.from(
          { length: size(p, 'n', 200) },
          () => common + rng.string(size(p, 'length', 200) - common.length, LOWER)
        )
      ]
    };
  },
  /** A deeply nested valid string. */
  'lc-0020-valid-parentheses': (rng, p) => {
    const half = size(p, 'n', 10_000) / 2;
    const opening = Array.from({ length: half }, () => rng.pick(['(', '[', '{']));
    const closing = { '(': ')', '[': ']', '{': '}' } as Record<string, string>;
    return {
      input: [
        opening.join('') +
          opening
            .reverse()
            .map((ch) => closing[ch])
            .join('')
      ]
    };
  },
  /** Anagram groups of long words: comparing every pair of words is quadratic. */
  'lc-0049-group-anagrams': (rng, p) => {
    const n = size(p, 'n', 10_000);
    const bases = Array.from({ length: n / 2 }, () => rng.string(size(p, 'length', 100), LOWER));
    return { input: [Array.from({ length: n }, () => rng.shuffle([...rng.pick(bases)]).join(''))] };
  },
  /** Each letter of t planted once in a long lower-case s: the shortest window is unique and long. */
  'lc-0076-minimum-window-substring': (rng, p) => {
    const chars = [...rng.string(size(p, 'n', 100_000), LOWER)];
    const positions = rng.distinctInts(UPPER.length, 0, chars.length - 1);
    [...UPPER].forEach((ch, i) => (chars[positions[i]!] = ch));
    return { input: [chars.join(''), rng.shuffle([...UPPER]).join('')] };
  },
  'lc-0125-valid-palindrome': (rng, p) => {
    const half = rng.string(size(p, 'n', 200_000) / 2, PRINTABLE);
    return { input: [half + [...half].reverse().join('')] };
  },
  'lc-0242-valid-anagram': (rng, p) => {
    const s = rng.string(size(p, 'n', 50_000), LOWER);
    return { input: [s, rng.shuffle([...s]).join('')] };
  },
  'lc-0394-decode-string': (rng, p) => {
    // Nested repeats: 2[ab3[c]...] growing to about the allowed 10⁵ characters.
    let s = rng.string(3, LOWER);
    for (let i = 0; i < size(p, 'depth', 14); i++) s = `${rng.string(2, LOWER)}2[${s}]`;
    return { input: [s] };
  },
  'lc-0424-longest-repeating-character-replacement': (rng, p) => ({
    input: [rng.string(size(p, 'n', 100_000), 'ABCDE'), size(p, 'k', 50)]
  }),
  'lc-0784-letter-case-permutation': (rng) => ({ input: [rng.shuffle([...'abcdefghi012']).join('')] })
};
