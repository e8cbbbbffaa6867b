package dev.kinora.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kinora.local.testing.MutableClock;
import dev.kinora.shared.http.SessionUser;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SessionServiceTest {
  private static final Account ADA =
      new Account("ac_1", "ada@example.com", "$argon2id$…", "ch_1", "ada", Instant.EPOCH);

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T12:00:00Z"));
  private final InMemorySessionStore store = new InMemorySessionStore();
  private final SessionService sessions =
      new SessionService(
          store, new SecureRandom(), clock, Duration.ofDays(30), Duration.ofHours(24));

  @Test
  void theTableHoldsTheTokensHashNeverTheToken() {
    SessionService.NewSession session = sessions.start(ADA);

    assertThat(store.sessions).containsOnlyKeys(SessionService.hash(session.token()));
    assertThat(store.sessions.keySet()).doesNotContain(session.token());
    assertThat(session.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofDays(30)));
  }

  @Test
  void aLiveSessionResolvesToItsUser() {
    SessionService.NewSession session = sessions.start(ADA);

    assertThat(sessions.resolve(session.token()))
        .isEqualTo(
            new SessionService.Active(
                new SessionUser("ac_1", "ch_1", "ada", session.expiresAt().getEpochSecond())));
  }

  @Test
  void anExpiredUnknownOrEndedSessionResolvesAsExpired() {
    SessionService.NewSession ended = sessions.start(ADA);
    sessions.end(ended.token());
    SessionService.NewSession old = sessions.start(ADA);
    clock.advance(Duration.ofDays(30));

    assertThat(sessions.resolve(old.token())).isInstanceOf(SessionService.Expired.class);
    assertThat(sessions.resolve(ended.token())).isInstanceOf(SessionService.Expired.class);
    assertThat(sessions.resolve("never-issued")).isInstanceOf(SessionService.Expired.class);
  }

  @Test
  void usingASessionSlidesItsExpiryAtMostOnceADay() {
    SessionService.NewSession session = sessions.start(ADA);
    int writesAfterStart = store.writes;

    clock.advance(Duration.ofHours(23));
    sessions.resolve(session.token());
    assertThat(store.writes).as("within a day: no write").isEqualTo(writesAfterStart);

    clock.advance(Duration.ofHours(2));
    var active = (SessionService.Active) sessions.resolve(session.token());
    assertThat(store.writes).isEqualTo(writesAfterStart + 1);
    assertThat(active.user().sessionExpiresAt())
        .isEqualTo(clock.instant().plus(Duration.ofDays(30)).getEpochSecond());
  }
}
