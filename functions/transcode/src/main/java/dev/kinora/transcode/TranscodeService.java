package dev.kinora.transcode;

import dev.kinora.shared.log.Log;
import dev.kinora.shared.media.PosterKeys;
import dev.kinora.shared.metrics.Metrics;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Optional;

/**
 * The transcode flow of DESIGN.md §5 for one uploaded original: only a video that is still {@code
 * processing} is transcoded; the result moves it to {@code ready} or {@code failed} exactly once
 * (conditional writes in {@link VideoStatusStore}), so a redelivered or duplicate event does
 * nothing. Unexpected exceptions propagate: the handler reports the message failed and SQS retries
 * it, up to the queue's maxReceiveCount, after which {@link #giveUp} runs from the dead-letter
 * queue.
 */
public final class TranscodeService {
  static final String PROCESSING = "processing";
  private static final System.Logger LOG = Log.logger(TranscodeService.class);

  private final VideoStatusStore videos;
  private final TranscodeBackend backend;
  private final StatusPublisher publisher;
  private final String mediaBucket;
  private final int maxAttempts;

  /**
   * @param publisher must not throw (wrap it in {@link GuardedStatusPublisher})
   * @param maxAttempts how often SQS delivers a message before dead-lettering it (for the reason
   *     the uploader reads)
   */
  public TranscodeService(
      VideoStatusStore videos,
      TranscodeBackend backend,
      StatusPublisher publisher,
      String mediaBucket,
      int maxAttempts) {
    this.videos = videos;
    this.backend = backend;
    this.publisher = publisher;
    this.mediaBucket = mediaBucket;
    this.maxAttempts = maxAttempts;
  }

  /** How one source was handled. */
  public enum Result {
    /** The outputs are in the media bucket and the video became ready. */
    TRANSCODED,
    /** Not a real video: the video is failed with the reason; retrying would not help. */
    REJECTED,
    /** An asynchronous backend took the job; its completion event finishes the video. */
    SUBMITTED,
    /** A long video: its chunks are queued; the last chunk worker finishes it. */
    CHUNKED,
    /** The video is not processing (finished, failed, unknown): a duplicate or stray event. */
    SKIPPED,
    /** Every attempt failed (dead-letter queue): the video is failed. */
    GAVE_UP
  }

  /** Transcodes the source if its video is still processing. */
  public Result transcode(SourceUpload source) throws Exception {
    String videoId = source.videoId();
    Optional<String> status = videos.status(videoId);
    if (!status.equals(Optional.of(PROCESSING))) {
      LOG.log(
          Level.INFO,
          "skipping {0}: video {1} is {2}, not processing (duplicate or stray event)",
          source.key(),
          videoId,
          status.orElse("unknown"));
      return Result.SKIPPED;
    }
    Optional<String> posterToken = videos.posterToken(videoId, PosterKeys.newToken());
    if (posterToken.isEmpty()) {
      LOG.log(Level.INFO, "skipping {0}: video {1} stopped processing", source.key(), videoId);
      return Result.SKIPPED;
    }
    publisher.started(videoId);
    long started = System.nanoTime();
    TranscodeOutcome outcome = backend.transcode(source.job(mediaBucket, posterToken.get()));
    return switch (outcome) {
      case TranscodeOutcome.Finished finished -> {
        Metrics.milliseconds(Metrics.TRANSCODE_DURATION, (System.nanoTime() - started) / 1_000_000);
        yield finish(videoId, finished.video());
      }
      case TranscodeOutcome.Rejected rejected -> {
        fail(videoId, rejected.reason());
        yield Result.REJECTED;
      }
      case TranscodeOutcome.Chunked chunked -> {
        LOG.log(Level.INFO, "video {0}: {1} chunks queued", videoId, chunked.chunks());
        yield Result.CHUNKED;
      }
      case TranscodeOutcome.Submitted submitted -> {
        LOG.log(Level.INFO, "video {0}: transcode job {1} submitted", videoId, submitted.jobId());
        yield Result.SUBMITTED;
      }
    };
  }

  /**
   * Finishes a video whose outputs are written (also the entry point for an asynchronous backend's
   * completion event).
   */
  public Result finish(String videoId, ReadyVideo video) {
    if (videos.markReady(videoId, video)) {
      LOG.log(Level.INFO, "video {0} is ready: {1}", videoId, video.resolutions());
      publisher.completed(videoId, video);
    } else {
      // A concurrent delivery of the same event won the conditional write: same outputs, no harm.
      LOG.log(Level.INFO, "video {0} was finished by another delivery", videoId);
    }
    return Result.TRANSCODED;
  }

  /** The source failed every attempt (dead-letter queue): the video fails unless it finished. */
  public Result giveUp(SourceUpload source) {
    return giveUp(source.videoId());
  }

  /** A chunk of the video failed every attempt: the whole video fails unless it finished. */
  public Result giveUp(String videoId) {
    return fail(videoId, giveUpReason()) ? Result.GAVE_UP : Result.SKIPPED;
  }

  /**
   * The first rungs are published while the others are still encoding: the row says which can be
   * played (the video stays {@code processing}) and subscribers hear of it.
   */
  public void playable(String videoId, List<String> resolutions, String playlistUrl) {
    if (videos.markPlayable(videoId, resolutions, playlistUrl)) {
      LOG.log(Level.INFO, "video {0} is playable in {1}", videoId, resolutions);
      publisher.playable(videoId, resolutions);
    }
  }

  String giveUpReason() {
    return "We could not process this video after " + maxAttempts + " attempts";
  }

  private boolean fail(String videoId, String reason) {
    if (videos.markFailed(videoId, reason)) {
      LOG.log(Level.INFO, "video {0} failed: {1}", videoId, reason);
      Metrics.count(Metrics.TRANSCODE_FAILURES);
      publisher.failed(videoId, reason);
      return true;
    }
    LOG.log(Level.INFO, "video {0} was not processing any more; not failed", videoId);
    return false;
  }
}
