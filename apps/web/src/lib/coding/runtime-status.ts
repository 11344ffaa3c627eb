/** The line beside the editor that says what Python is doing, and so what a Run or Submit waits for. */
import type { RuntimeProgress } from './runner.ts';

export function runtimeStatus(progress: RuntimeProgress | null): string {
  if (progress === null) return '';
  switch (progress.stage) {
    case 'downloading':
      return `Loading Python… ${(progress.bytes / 1e6).toFixed(1)} MB`;
    case 'starting':
      return 'Starting Python…';
    case 'restarting':
      return progress.why === 'timeout'
        ? 'Restarting Python after the time-out…'
        : 'Starting a fresh Python for the performance tests…';
    case 'ready':
      return 'Python ready';
    case 'failed':
      return 'Python could not load; Run tries again';
  }
}
