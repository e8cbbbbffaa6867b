package dev.kinora.transcode;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Puts the two rules of status publishing around a real publisher: a publishing failure never fails
 * a transcode (it is logged and dropped), and progress goes out at most once per interval per video
 * (ffmpeg reports every half second per rung; subscribers need far less).
 */
public final class GuardedStatusPublisher implements StatusPublisher {
  private static final System.Logger LOG = System.getLogger(GuardedStatusPublisher.class.getName());

  private final StatusPublisher delegate;
  private final Clock clock;
  private final Duration progressInterval;
  private final Map<String, Instant> lastProgress = new ConcurrentHashMap<>();

  public GuardedStatusPublisher(StatusPublisher delegate, Clock clock, Duration progressInterval) {
    this.delegate = delegate;
    this.clock = clock;
    this.progressInterval = progressInterval;
  }

  @Override
  public void started(String videoId) {
    lastProgress.remove(videoId);
    guarded("started", videoId, () -> delegate.started(videoId));
  }

  @Override
  public void progress(String videoId, String resolution, double percent) {
    Instant now = clock.instant();
    var due = new AtomicBoolean();
    lastProgress.compute(
        videoId,
        (id, last) -> {
          if (last != null && now.isBefore(last.plus(progressInterval))) {
            return last;
          }
          due.set(true);
          return now;
        });
    if (due.get()) {
      guarded("progress", videoId, () -> delegate.progress(videoId, resolution, percent));
    }
  }

  @Override
  public void completed(String videoId, ReadyVideo video) {
    lastProgress.remove(videoId);
    guarded("completed", videoId, () -> delegate.completed(videoId, video));
  }

  @Override
  public void playable(String videoId, List<String> resolutions) {
    guarded("playable", videoId, () -> delegate.playable(videoId, resolutions));
  }

  @Override
  public void failed(String videoId, String reason) {
    lastProgress.remove(videoId);
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
