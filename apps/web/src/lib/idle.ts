/** Runs `task` once the page has nothing else to do, or after `timeoutMs` at the latest (Safari has no
 * requestIdleCallback: a task later there). */
export function whenIdle(task: () => void, timeoutMs = 1500): void {
  if ('requestIdleCallback' in window) requestIdleCallback(task, { timeout: timeoutMs });
  else setTimeout(task);
}
