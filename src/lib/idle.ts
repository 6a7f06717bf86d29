/** Where idle callbacks are missing (Safari), wait this long instead: past start-up work. */
const FALLBACK_DELAY_MS = 300;

/**
 * Runs `task` once the browser is idle (`requestIdleCallback`, at the latest after `timeoutMs`),
 * or after a short delay where idle callbacks are missing. Returns a function that cancels it.
 */
export function whenIdle(task: () => void, timeoutMs = 2000): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(() => task(), { timeout: timeoutMs });
    return () => cancelIdleCallback(handle);
  }
  const handle = setTimeout(task, FALLBACK_DELAY_MS);
  return () => clearTimeout(handle);
}
