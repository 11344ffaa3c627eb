/** What the Python status line says at each stage: what a Run or Submit is waiting for. */
import { expect, it } from 'vitest';
import { runtimeStatus } from './runtime-status.ts';

it.each([
  [null, ''],
  [{ stage: 'downloading', bytes: 4_200_000 }, 'Loading Python… 4.2 MB'],
  [{ stage: 'starting' }, 'Starting Python…'],
  [{ stage: 'restarting', why: 'timeout' }, 'Restarting Python after the time-out…'],
  [{ stage: 'restarting', why: 'performance' }, 'Starting a fresh Python for the performance tests…'],
  [{ stage: 'ready' }, 'Python ready'],
  [{ stage: 'failed' }, 'Python could not load; Run tries again']
] as const)('%o: %s', (progress, text) => {
  expect(runtimeStatus(progress)).toBe(text);
});
