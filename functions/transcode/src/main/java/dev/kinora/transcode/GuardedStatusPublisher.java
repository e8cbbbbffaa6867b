package dev.kinora.transcode;

import dev.kinora.shared.log.Log;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Puts the two rules of status publishing around a real publisher: a publishing failure never fails
 * a transcode (it is logged and dropped), and progress goes out at most once per interval per video
 * (ffmpeg reports every half second per rung; subscribers need far less). Within that budget the
 * renditions take turns: each slot goes to the rendition whose progress was sent longest ago (with
 * its latest value), so every bar of the studio moves, not only the first rung ffmpeg reports.
 */
public final class GuardedStatusPublisher implements StatusPublisher {
  private static final System.Logger LOG = Log.logger(GuardedStatusPublisher.class);

  private final StatusPublisher delegate;
  private final Clock clock;
  private final Duration progressInterval;
  private final Map<String, VideoProgress> progressOf = new ConcurrentHashMap<>();

  public GuardedStatusPublisher(StatusPublisher delegate, Clock clock, Duration progressInterval) {
    this.delegate = delegate;
    this.clock = clock;
    this.progressInterval = progressInterval;
  }

  @Override
  public void started(String videoId) {
    progressOf.remove(videoId);
    guarded("started", videoId, () -> delegate.started(videoId));
  }

  @Override
  public void progress(String videoId, String resolution, double percent) {
    Optional<Map.Entry<String, Double>> due =
        progressOf
            .computeIfAbsent(videoId, id -> new VideoProgress())
            .report(resolution, percent, clock.instant(), progressInterval);
    due.ifPresent(
        turn ->
            guarded(
                "progress",
                videoId,
                () -> delegate.progress(videoId, turn.getKey(), turn.getValue())));
  }

  /** One video's latest unsent progress per rendition and when each was last sent. */
  private static final class VideoProgress {
    private final Map<String, Double> unsent = new LinkedHashMap<>();
    private final Map<String, Instant> sentAt = new HashMap<>();
    private Instant lastSent;

    synchronized Optional<Map.Entry<String, Double>> report(
        String resolution, double percent, Instant now, Duration interval) {
      unsent.put(resolution, percent);
      if (lastSent != null && now.isBefore(lastSent.plus(interval))) {
        return Optional.empty();
      }
      String turn =
          unsent.keySet().stream()
              .min(Comparator.comparing(r -> sentAt.getOrDefault(r, Instant.MIN)))
              .orElseThrow();
      lastSent = now;
      sentAt.put(turn, now);
      return Optional.of(Map.entry(turn, unsent.remove(turn)));
    }
  }

  @Override
  public void completed(String videoId, ReadyVideo video) {
    progressOf.remove(videoId);
    guarded("completed", videoId, () -> delegate.completed(videoId, video));
  }

  @Override
  public void playable(String videoId, List<String> resolutions) {
    guarded("playable", videoId, () -> delegate.playable(videoId, resolutions));
  }

  @Override
  public void failed(String videoId, String reason) {
    progressOf.remove(videoId);
    guarded("failed", videoId, () -> delegate.failed(videoId, reason));
  }

  private static void guarded(String event, String videoId, Runnable publish) {
    try {
      publish.run();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "could not publish transcode." + event + " for " + videoId, e);
    }
  }
}
