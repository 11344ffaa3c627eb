/** Performance tests: inputs generated from a seed, judged outside the code under test. */
export { generate, generators, WITHOUT_GENERATOR, type Generated } from './generators/index.ts';
export { judgePerformance, KEEP_EXPECTED_UP_TO, resultDigest, sha256Hex } from './judge.ts';
export { Rng } from './random.ts';
