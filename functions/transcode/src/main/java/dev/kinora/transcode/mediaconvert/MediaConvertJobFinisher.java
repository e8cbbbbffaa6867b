package dev.kinora.transcode.mediaconvert;

import dev.kinora.shared.log.Log;
import dev.kinora.shared.media.PosterKeys;
import dev.kinora.transcode.MediaKeys;
import dev.kinora.transcode.ReadyVideo;
import dev.kinora.transcode.StatusPublisher;
import dev.kinora.transcode.VideoStatusStore;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finishes a video from its MediaConvert job's final event, as the ffmpeg path finishes it after
 * its last upload: COMPLETE → {@code ready} with the renditions and playlist the job wrote, and the
 * chosen frame capture copied to the poster key ({@code media/{id}/poster-{token}.jpg}); ERROR →
 * {@code failed} with a reason the uploader can read; CANCELED (an operator stopped the job) →
 * {@code failed} too, or the video would stay processing forever. Both are the conditional writes
 * of {@link VideoStatusStore}, so EventBridge's at-least-once delivery never finishes a video twice
 * or publishes twice.
 */
public final class MediaConvertJobFinisher {
  private static final System.Logger LOG = Log.logger(MediaConvertJobFinisher.class);

  /** MediaConvert numbers frame captures: {@code thumbnail.0000007.jpg}. */
  private static final Pattern CAPTURE_KEY = Pattern.compile("(.+\\.)(\\d+)(\\.jpg)");

  private final VideoStatusStore videos;
  private final StatusPublisher publisher;
  private final LadderSpec ladder;
  private final Pattern videoIdPattern;
  private final MediaCopy media;

  /** Copies one object of the media bucket to another key. */
  @FunctionalInterface
  public interface MediaCopy {
    void copy(String fromKey, String toKey) throws IOException;
  }

  /**
   * @param media publishes the chosen frame capture as the poster
   * @param publisher must not throw (the transcode module wraps it in a GuardedStatusPublisher)
   * @param ladder the ladder the jobs were created with (where their poster candidates are)
   * @param videoIdLength limits.json {@code video.idLength}: user metadata that is not a video id
   *     is ignored rather than written to the table
   */
  public MediaConvertJobFinisher(
      VideoStatusStore videos,
      MediaCopy media,
      StatusPublisher publisher,
      LadderSpec ladder,
      int videoIdLength) {
    this.videos = videos;
    this.media = media;
    this.publisher = publisher;
    this.ladder = ladder;
    this.videoIdPattern = Pattern.compile("[A-Za-z0-9_-]{" + videoIdLength + "}");
  }

  /** What an event did. */
  public sealed interface Result {
    record Ready(String videoId, ReadyVideo video) implements Result {}

    record Failed(String videoId, String reason) implements Result {}

    /** Not ours, not final, or the video was already finished (a duplicate delivery). */
    record Ignored(String why) implements Result {}
  }

  public Result finish(JobStateChange change) throws IOException {
    Optional<String> videoId = change.videoId().filter(id -> videoIdPattern.matcher(id).matches());
    if (videoId.isEmpty()) {
      return ignored("job " + change.jobId() + " carries no Kinora video id");
    }
    String id = videoId.get();
    return switch (change.status()) {
      case JobStateChange.COMPLETE -> complete(id, change);
      case JobStateChange.ERROR -> {
        LOG.log(
            Level.WARNING,
            "video {0}: MediaConvert job {1} failed with {2}: {3}",
            id,
            change.jobId(),
            change.errorCode().isPresent()
                ? String.valueOf(change.errorCode().getAsInt())
                : "no code",
            change.errorMessage().orElse("no message"));
        yield fail(id, JobFailureReasons.forCode(change.errorCode()));
      }
      case JobStateChange.CANCELED -> {
        LOG.log(Level.WARNING, "video {0}: MediaConvert job {1} was cancelled", id, change.jobId());
        yield fail(id, JobFailureReasons.OUR_SIDE);
      }
      default -> ignored("job " + change.jobId() + " is " + change.status() + ", not final");
    };
  }

  private Result complete(String videoId, JobStateChange change) throws IOException {
    Optional<ReadyVideo> video = readyVideo(videoId, change, ladder);
    if (video.isEmpty()) {
      // A COMPLETE job without an HLS playlist under the video's prefix is a job we did not
      // build: leaving the video processing forever would be worse than failing it.
      LOG.log(
          Level.ERROR,
          "video {0}: job {1} completed without a master playlist under {2}",
          videoId,
          change.jobId(),
          MediaKeys.prefix(videoId));
      return fail(videoId, JobFailureReasons.OUR_SIDE);
    }
    if (video.get().thumbnailUrl() != null) {
      // Frame captures are named by MediaConvert and need signed cookies like the renditions;
      // the chosen one is published under the poster key. The token comes from the row (the one
      // the submission claimed), so a redelivered event copies onto the same key.
      Optional<String> token = videos.posterToken(videoId, PosterKeys.newToken());
      if (token.isEmpty()) {
        return ignored("video " + videoId + " was not processing (duplicate COMPLETE event)");
      }
      String poster = PosterKeys.key(videoId, token.get());
      media.copy(video.get().thumbnailUrl().substring(1), poster);
      video = Optional.of(withThumbnail(video.get(), MediaKeys.url(poster)));
    }
    if (!videos.markReady(videoId, video.get())) {
      return ignored("video " + videoId + " was not processing (duplicate COMPLETE event)");
    }
    LOG.log(Level.INFO, "video {0} is ready: {1}", videoId, video.get().resolutions());
    publisher.completed(videoId, video.get());
    return new Result.Ready(videoId, video.get());
  }

  private static ReadyVideo withThumbnail(ReadyVideo video, String thumbnailUrl) {
    return new ReadyVideo(
        video.resolutions(),
        video.durationSeconds(),
        thumbnailUrl,
        video.playlistUrl(),
        video.storyboardUrl(),
        video.captions());
  }

  private Result fail(String videoId, String reason) {
    if (!videos.markFailed(videoId, reason)) {
      return ignored("video " + videoId + " was not processing (duplicate ERROR event)");
    }
    publisher.failed(videoId, reason);
    return new Result.Failed(videoId, reason);
  }

  /**
   * The ready fields from the job's output details: the master playlist of the HLS group, one
   * resolution per distinct rendition height (a source smaller than a rung repeats its own size,
   * see {@link LadderJobRequest}), the duration of the longest rendition and the poster candidate
   * nearest to the ladder's poster position (its own key: {@link #finish} publishes a copy under
   * the poster key). MediaConvert writes no storyboard sprite, so {@code storyboardUrl} stays
   * empty.
   */
  static Optional<ReadyVideo> readyVideo(String videoId, JobStateChange change, LadderSpec ladder) {
    String prefix = MediaKeys.prefix(videoId);
    List<JobStateChange.OutputGroupDetail> hls = groups(change, "HLS_GROUP");
    Optional<String> playlist =
        hls.stream()
            .flatMap(group -> group.playlistFilePaths().stream())
            .map(MediaConvertJobFinisher::key)
            .flatMap(Optional::stream)
            .filter(key -> key.startsWith(prefix) && key.endsWith(".m3u8"))
            .findFirst();
    List<JobStateChange.OutputDetail> renditions =
        hls.stream().flatMap(group -> group.outputs().stream()).toList();
    if (playlist.isEmpty() || renditions.isEmpty()) {
      return Optional.empty();
    }
    List<String> resolutions =
        renditions.stream()
            .map(JobStateChange.OutputDetail::heightInPx)
            .filter(height -> height > 0)
            .distinct()
            .sorted(Comparator.reverseOrder())
            .map(height -> height + "p")
            .toList();
    long durationMs =
        renditions.stream().mapToLong(JobStateChange.OutputDetail::durationInMs).max().orElse(0);
    double durationSeconds = durationMs / 1000.0;
    String thumbnailUrl =
        groups(change, "FILE_GROUP").stream()
            .flatMap(group -> group.outputs().stream())
            .flatMap(output -> output.outputFilePaths().stream())
            .map(MediaConvertJobFinisher::key)
            .flatMap(Optional::stream)
            .filter(key -> key.startsWith(prefix) && key.endsWith(".jpg"))
            .reduce((first, last) -> last)
            .map(lastCapture -> posterKey(lastCapture, durationSeconds, ladder))
            .map(MediaKeys::url)
            .orElse(null);
    return Optional.of(
        new ReadyVideo(
            resolutions, durationSeconds, thumbnailUrl, MediaKeys.url(playlist.get()), null));
  }

  /**
   * The capture nearest to the poster position: captures are numbered from 0, one per capture
   * interval, and the event names the last one written, so no index past it is ever chosen.
   */
  static String posterKey(String lastCapture, double durationSeconds, LadderSpec ladder) {
    Matcher capture = CAPTURE_KEY.matcher(lastCapture);
    if (!capture.matches()) {
      return lastCapture;
    }
    String digits = capture.group(2);
    long last = Long.parseLong(digits);
    long wanted =
        Math.round(
            durationSeconds
                * ladder.thumbnailPositionFraction()
                / ladder.frameCaptureIntervalSeconds());
    String index = Long.toString(Math.min(wanted, last));
    String padded = "0".repeat(Math.max(0, digits.length() - index.length())) + index;
    return capture.group(1) + padded + capture.group(3);
  }

  private static List<JobStateChange.OutputGroupDetail> groups(JobStateChange change, String type) {
    return change.outputGroups().stream()
        .filter(group -> Objects.equals(group.type(), type))
        .toList();
  }

  /** {@code s3://bucket/media/x/master.m3u8} → {@code media/x/master.m3u8}. */
  private static Optional<String> key(String s3Url) {
    if (!s3Url.startsWith("s3://")) {
      return Optional.empty();
    }
    int slash = s3Url.indexOf('/', "s3://".length());
    return slash < 0 ? Optional.empty() : Optional.of(s3Url.substring(slash + 1));
  }

  private static Result ignored(String why) {
    LOG.log(Level.INFO, "MediaConvert event ignored: {0}", why);
    return new Result.Ignored(why);
  }
}
