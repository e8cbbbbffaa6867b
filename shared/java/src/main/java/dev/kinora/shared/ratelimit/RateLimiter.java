package dev.kinora.shared.ratelimit;

import dev.kinora.shared.contract.Limits;
import dev.kinora.shared.http.ApiException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * Fixed-window rate limits from {@code limits.json} {@code rateLimits}: at most {@code requests}
 * per window of {@code windowSeconds}, windows aligned to the epoch, counted per action and caller
 * (user id, source IP, or IP + email for sign-in).
 *
 * <p>Fixed windows allow up to twice the rate across a window boundary; for abuse limits that is
 * fine, and it costs one atomic write per request. The caller's identity is hashed into the key, so
 * the table holds no email addresses or IPs.
 */
public final class RateLimiter {
  private final Limits limits;
  private final RateLimitCounter counter;
  private final Clock clock;

  public RateLimiter(Limits limits, RateLimitCounter counter, Clock clock) {
    this.limits = limits;
    this.counter = counter;
    this.clock = clock;
  }

  /**
   * Counts one request of {@code caller} for {@code action}.
   *
   * @param action a key of {@code rateLimits} in limits.json, e.g. {@code "login"}
   * @param caller what identifies the caller, e.g. the source IP and the email
   * @throws ApiException RATE_LIMITED with Retry-After (seconds to the end of the window) when this
   *     request is over the limit
   * @throws IllegalArgumentException if limits.json has no such action
   */
  public void check(String action, String... caller) {
    Limits.RateLimit limit = limits.rateLimit(action);
    Instant now = clock.instant();
    long window = limit.windowSeconds();
    long windowStart = Math.floorDiv(now.getEpochSecond(), window) * window;
    Instant windowEnd = Instant.ofEpochSecond(windowStart + window);
    String key = action + "#" + digest(String.join("\u0000", caller)) + "#" + windowStart;
    if (counter.increment(key, windowEnd) > limit.requests()) {
      throw ApiException.rateLimited(Duration.between(now, windowEnd));
    }
  }

  private static String digest(String caller) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(caller.getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 22);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
