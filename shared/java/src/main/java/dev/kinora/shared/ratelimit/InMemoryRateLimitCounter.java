package dev.kinora.shared.ratelimit;

import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/** Counters in memory, for unit tests of services that rate-limit. Never expires anything. */
public final class InMemoryRateLimitCounter implements RateLimitCounter {
  private final ConcurrentMap<String, AtomicLong> counts = new ConcurrentHashMap<>();

  @Override
  public long increment(String key, Instant expiresAt) {
    return counts.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
  }
}
