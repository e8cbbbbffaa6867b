package dev.kinora.transcode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kinora.local.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class GuardedStatusPublisherTest {
  private final RecordingPublisher published = new RecordingPublisher();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T12:00:00Z"));
  private final GuardedStatusPublisher publisher =
      new GuardedStatusPublisher(published, clock, Duration.ofSeconds(1));

  @Test
  void progressGoesOutAtMostOncePerIntervalPerVideo() {
    publisher.progress("a", "720p", 10);
    publisher.progress("a", "360p", 12);
    clock.advance(Duration.ofMillis(999));
    publisher.progress("a", "720p", 20);
    publisher.progress("b", "720p", 5);
    clock.advance(Duration.ofMillis(1));
    publisher.progress("a", "720p", 30);

    assertThat(published.events)
        .containsExactly("progress a 720p 10.0", "progress b 720p 5.0", "progress a 360p 12.0");
  }

  @Test
  void renditionsTakeTurnsWithTheirLatestProgress() {
    publisher.progress("a", "1080p", 1);
    publisher.progress("a", "720p", 2);
    publisher.progress("a", "480p", 3);
    for (int second = 1; second <= 4; second++) {
      clock.advance(Duration.ofSeconds(1));
      publisher.progress("a", "1080p", 10 * second);
    }

    assertThat(published.events)
        .containsExactly(
            "progress a 1080p 1.0",
            "progress a 720p 2.0",
            "progress a 480p 3.0",
            "progress a 1080p 30.0",
            "progress a 1080p 40.0");
  }

  @Test
  void stateChangesAreNeverThrottled() {
    publisher.started("a");
    publisher.progress("a", "720p", 50);
    publisher.completed("a", new ReadyVideo(java.util.List.of("720p"), 1, null, "/m", null));
    publisher.started("a");
    publisher.progress("a", "720p", 1);

    assertThat(published.events).hasSize(5);
  }

  @Test
  void aFailingPublisherIsSwallowed() {
    var broken =
        new GuardedStatusPublisher(
            new RecordingPublisher() {
              @Override
              public void failed(String videoId, String reason) {
                throw new IllegalStateException("gone");
              }
            },
            clock,
            Duration.ofSeconds(1));

    broken.failed("a", "reason");
  }
}
