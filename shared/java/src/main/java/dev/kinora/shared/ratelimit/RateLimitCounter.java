package dev.kinora.shared.ratelimit;

import java.time.Instant;

/** Port: counts requests per window key. */
public interface RateLimitCounter {

  /**
   * Adds one to the counter of {@code key} (which names the window) and returns the new count. The
   * counter may be forgotten after {@code expiresAt}, the end of its window.
   */
  long increment(String key, Instant expiresAt);
}
