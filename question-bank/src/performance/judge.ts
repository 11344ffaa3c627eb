/**
 * Judges a performance test's result in the trusted page (or in Node): against the kept expected value, or the
 * SHA-256 of its normal form. Nothing here runs where the code under test runs.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { matches, normalForm } from '../harness/compare.ts';
import type { PerformanceTest } from '../schema.ts';

/**
 * SHA-256 in plain JavaScript (`@noble/hashes`): `crypto.subtle` exists only in a secure context, so a MockLoop
 * opened over plain HTTP at a LAN address (not localhost) could not judge a performance test with it.
 */
export async function sha256Hex(text: string): Promise<string> {
  return bytesToHex(sha256(utf8ToBytes(text)));
}

/** The digest kept for a large expected result. */
export function resultDigest(comparator: string, value: unknown): Promise<string> {
  return sha256Hex(normalForm(comparator, value));
}

/** Whether `actual` is the right result of a performance test. */
export async function judgePerformance(
  comparator: string,
  test: Pick<PerformanceTest, 'expected' | 'expectedSha256'>,
  actual: unknown
): Promise<boolean> {
  if (test.expectedSha256 === undefined) return matches(comparator, actual, test.expected);
  return (await resultDigest(comparator, actual)) === test.expectedSha256;
}

/** Expected results up to this size (JSON characters) are kept as they are; larger ones as a digest. */
export const KEEP_EXPECTED_UP_TO = 200;
