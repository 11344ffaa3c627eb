import { afterEach, expect, it, vi } from 'vitest';
import { judgePerformance, resultDigest, sha256Hex } from './judge.ts';

afterEach(() => vi.unstubAllGlobals());

it('hashes with SHA-256 where the page has no crypto.subtle (plain HTTP at a LAN address)', async () => {
  vi.stubGlobal('crypto', undefined);
  expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
});

it('judges a large result by the digest of its normal form', async () => {
  const expectedSha256 = await resultDigest('exact', [1, 2, 3]);
  expect(await judgePerformance('exact', { expectedSha256 }, [1, 2, 3])).toBe(true);
  expect(await judgePerformance('exact', { expectedSha256 }, [1, 2, 4])).toBe(false);
});
