/** How often and how patiently a failed request is tried again. */
export interface RetryPolicy {
  /** Tries per request, the first one included. */
  maxAttempts: number;
  /** Upper bound of the first retry's delay; it doubles with every further retry… */
  baseDelayMs: number;
  /** …up to this cap. */
  maxDelayMs: number;
}

/**
 * Client tuning, not a contract number: six tries spread over up to ~30 s ride out a dropped Wi-Fi or a storage
 * hiccup; after that the upload pauses and the user (or the browser coming back online) resumes it.
 */
export const defaultRetryPolicy: RetryPolicy = { maxAttempts: 6, baseDelayMs: 500, maxDelayMs: 16_000 };

/**
 * Exponential backoff with full jitter: the delay before retry `retry` (0 for the first retry) is uniform in
 * [0, min(cap, base · 2^retry)). Full jitter spreads the retries of many clients (and of our own parallel parts
 * failing together on a network drop) instead of synchronising them.
 */
export function backoffDelay(retry: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry);
  return Math.floor(random() * ceiling);
}

export function abortError(): DOMException {
  return new DOMException('The upload was paused or cancelled.', 'AbortError');
}

export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/** Resolves after `ms`, or rejects with an AbortError as soon as `signal` aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(abortError());
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError());
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
