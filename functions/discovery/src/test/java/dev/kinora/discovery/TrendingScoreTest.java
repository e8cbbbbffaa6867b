package dev.kinora.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrendingScoreTest {
  private static final Instant NOW = Instant.parse("2026-12-02T10:40:00Z");
  private static final Instant THIS_HOUR = Instant.parse("2026-12-02T10:00:00Z");
  private final TrendingScore score = new TrendingScore(6, 2, 3);

  @Test
  void aViewWeighsHalfAsMuchOneHalfLifeLater() {
    assertThat(score.decay(Duration.ZERO)).isEqualTo(1.0);
    assertThat(score.decay(Duration.ofHours(6))).isCloseTo(0.5, within(1e-9));
    assertThat(score.decay(Duration.ofHours(12))).isCloseTo(0.25, within(1e-9));
  }

  @Test
  void aFreshBurstOutranksALargerTotalFromTwoDaysAgo() {
    double burst = score.score(Map.of(THIS_HOUR, 20L), 0, 0, NOW.minusSeconds(3600), NOW);
    double old =
        score.score(
            Map.of(THIS_HOUR.minus(Duration.ofHours(40)), 500L),
            300,
            40,
            NOW.minus(Duration.ofDays(30)),
            NOW);
    assertThat(burst).isGreaterThan(old);
  }

  @Test
  void likesAndCommentsLiftAFreshVideo() {
    double plain = score.score(Map.of(THIS_HOUR, 10L), 0, 0, NOW, NOW);
    double liked = score.score(Map.of(THIS_HOUR, 10L), 5, 2, NOW, NOW);
    assertThat(liked - plain).isCloseTo(2 * 5 + 3 * 2, within(1e-9));
  }

  @Test
  void theRoundRobinTakesOneFromEachListInTurnWithoutRepeats() {
    assertThat(
            FeedService.roundRobin(
                java.util.List.of(
                    java.util.List.of("a", "b", "c"), java.util.List.of("x", "a", "y"))))
        .containsExactly("a", "x", "b", "c", "y");
  }
}
