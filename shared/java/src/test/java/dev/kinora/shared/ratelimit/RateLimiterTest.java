package dev.kinora.shared.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kinora.shared.contract.Contract;
import dev.kinora.shared.contract.ErrorCode;
import dev.kinora.shared.http.ApiException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
  private static final Instant TWENTY_SECONDS_INTO_A_MINUTE = Instant.parse("2026-11-25T12:00:20Z");

  private final InMemoryRateLimitCounter counter = new InMemoryRateLimitCounter();

  private RateLimiter limiterAt(Instant now) {
    return new RateLimiter(
        Contract.loadWithLimitOverrides(Map.of()).limits(),
        counter,
        Clock.fixed(now, ZoneOffset.UTC));
  }

  @Test
  void theRequestOverTheLimitIsRefusedWithTheSecondsToTheWindowEnd() {
    RateLimiter limiter = limiterAt(TWENTY_SECONDS_INTO_A_MINUTE);
    for (int i = 0; i < 5; i++) {
      limiter.check("login", "198.51.100.7", "ada@example.com");
    }

    assertThatThrownBy(() -> limiter.check("login", "198.51.100.7", "ada@example.com"))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.RATE_LIMITED);
              assertThat(e.details().orElseThrow().retryAfterSeconds()).isEqualTo(40);
            });
  }

  @Test
  void callersAndWindowsAreCountedApart() {
    RateLimiter limiter = limiterAt(TWENTY_SECONDS_INTO_A_MINUTE);
    for (int i = 0; i < 5; i++) {
      limiter.check("login", "198.51.100.7", "ada@example.com");
    }

    limiter.check("login", "198.51.100.7", "grace@example.com");
    limiter.check("login", "198.51.100.8", "ada@example.com");
    limiterAt(TWENTY_SECONDS_INTO_A_MINUTE.plusSeconds(40))
        .check("login", "198.51.100.7", "ada@example.com");
  }
}
