import { describe, expect, it } from 'vitest';
import { isCoverable, isPhrase, matchKeyPoint } from './key-point-match.ts';

const caching = ['cache', 'ttl', 'invalidat', 'precompute'];
const regions = ['multi-region', 'capacity planning', 'headroom', 'region'];

describe('matchKeyPoint', () => {
  it.each([
    { evidence: caching, text: '', covered: false, matched: [], mentioned: [] },
    {
      evidence: caching,
      text: 'we cache it',
      covered: false,
      matched: [],
      mentioned: ['cache'],
      why: 'one word is a passing mention'
    },
    {
      evidence: caching,
      text: 'Redis cache with a 5 min TTL',
      covered: true,
      matched: ['cache', 'ttl'],
      mentioned: []
    },
    {
      evidence: caching,
      text: 'cache, cache and more cache',
      covered: false,
      matched: [],
      mentioned: ['cache'],
      why: 'the same term twice is still one term'
    },
    {
      evidence: caching,
      text: 'cache at the edge. ' + 'word '.repeat(20) + 'invalidation on write',
      covered: false,
      matched: [],
      mentioned: ['cache', 'invalidat'],
      why: 'too far apart to be one statement'
    },
    {
      evidence: caching,
      text: 'cache entries; invalidation on every write',
      covered: true,
      matched: ['cache', 'invalidat'],
      mentioned: []
    },
    {
      evidence: caching,
      text: 'settle the ttl',
      covered: false,
      matched: [],
      mentioned: ['ttl'],
      why: 'terms start a word: "settle" is not ttl'
    },
    { evidence: regions, text: 'active-active multi-region', covered: true, matched: ['multi-region'], mentioned: [] },
    { evidence: regions, text: 'one region only', covered: false, matched: [], mentioned: ['region'] },
    {
      evidence: regions,
      text: 'multi-region, 30% headroom',
      covered: true,
      matched: ['multi-region'],
      mentioned: ['headroom'],
      why: 'region inside multi-region is not a second term'
    },
    {
      evidence: regions,
      text: 'Capacity planning per quarter',
      covered: true,
      matched: ['capacity planning'],
      mentioned: []
    },
    {
      evidence: ['cost', 'per request'],
      text: 'the cost per request falls',
      covered: true,
      matched: ['per request'],
      mentioned: ['cost']
    }
  ])('"$text" → covered $covered ($why)', ({ evidence, text, covered, matched, mentioned }) => {
    expect(matchKeyPoint(evidence, text)).toEqual({ covered, matched, mentioned });
  });
});

describe('isPhrase and isCoverable', () => {
  it.each([
    ['load balanc', true],
    ['read-your-writes', true],
    ['cache', false],
    [' cache ', false]
  ])('isPhrase(%j) → %s', (term, expected) => expect(isPhrase(term)).toBe(expected));

  it.each([
    [['cache'], false],
    [['cache', 'Cache'], false],
    [['cache', 'ttl'], true],
    [['feature store'], true]
  ])('isCoverable(%j) → %s', (evidence, expected) => expect(isCoverable(evidence)).toBe(expected));
});
