package dev.kinora.transcode;

import dev.kinora.shared.contract.Limits.TranscodeJobLimits;
import dev.kinora.transcode.ffmpeg.HlsOutput;
import dev.kinora.transcode.ffmpeg.Ladder;
import dev.kinora.transcode.ffmpeg.MediaInfo;
import dev.kinora.transcode.ffmpeg.RejectedMediaException;
import dev.kinora.transcode.ffmpeg.Rung;
import dev.kinora.transcode.ffmpeg.TranscodeProgress;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The default backend: the original is streamed to local disk, probed (anything that is not a real
 * video is rejected with the probe's reason), transcoded by one ffmpeg process into the HLS ladder,
 * and the outputs are uploaded to {@code media/{videoId}/} with the master playlist last. The work
 * directory is deleted however the job ends.
 *
 * <p>Disk is bounded: Lambda's {@code /tmp} is the function's EphemeralStorage and survives between
 * invocations of one container, so the source plus the estimated outputs must fit in both the
 * budget (limits.json {@code transcodeJob.workStorageMb}) and what is actually free.
 */
public final class FfmpegBackend implements TranscodeBackend {
  private static final System.Logger LOG = System.getLogger(FfmpegBackend.class.getName());
  private static final String TOO_LARGE =
      "This video is too long or too large for us to process. Try a shorter or smaller file.";

  private final ObjectStorage storage;
  private final FfmpegEngine engine;
  private final MediaUploader uploader;
  private final StatusPublisher publisher;
  private final Path workRoot;
  private final TranscodeJobLimits limits;

  /**
   * @param publisher receives progress; must not throw (see {@link GuardedStatusPublisher})
   * @param workRoot where job directories are created ({@code /tmp} on Lambda)
   */
  public FfmpegBackend(
      ObjectStorage storage,
      FfmpegEngine engine,
      MediaUploader uploader,
      StatusPublisher publisher,
      Path workRoot,
      TranscodeJobLimits limits) {
    this.storage = storage;
    this.engine = engine;
    this.uploader = uploader;
    this.publisher = publisher;
    this.workRoot = workRoot;
    this.limits = limits;
  }

  @Override
  public TranscodeOutcome transcode(TranscodeJob job) throws Exception {
    // Named by video: a retry in the same container first removes what a failed attempt left.
    Path work = workRoot.resolve("transcode-" + job.videoId());
    deleteRecursively(work);
    Files.createDirectories(work);
    try {
      return transcodeIn(work, job);
    } finally {
      try {
        deleteRecursively(work);
      } catch (IOException e) {
        // Never hide the job's own outcome; the next attempt for this video clears it again.
        LOG.log(Level.WARNING, "could not clean " + work, e);
      }
    }
  }

  private TranscodeOutcome transcodeIn(Path work, TranscodeJob job) throws Exception {
    long sourceBytes = storage.size(job.sourceBucket(), job.sourceKey());
    long available = availableBytes(work);
    if (sourceBytes > available) {
      return tooLarge(job, sourceBytes, 0, available);
    }
    Path source = work.resolve("source");
    storage.download(job.sourceBucket(), job.sourceKey(), source, available);
    MediaInfo info;
    try {
      info = engine.probe(source);
    } catch (RejectedMediaException rejected) {
      return new TranscodeOutcome.Rejected(rejected.getMessage());
    }
    long outputBytes = estimatedOutputBytes(info);
    if (sourceBytes + outputBytes > available) {
      return tooLarge(job, sourceBytes, outputBytes, available);
    }
    String videoId = job.videoId();
    HlsOutput output =
        engine.transcode(
            source,
            info,
            Files.createDirectories(work.resolve("out")),
            new TranscodeProgress() {
              @Override
              public void percent(String rung, double percent) {
                publisher.progress(videoId, rung, percent);
              }

              @Override
              public void rungReady(Rung rung, Path playlistDir) {
                LOG.log(Level.INFO, "video {0}: {1} encoded", videoId, rung.name());
              }
            });
    Files.deleteIfExists(source);
    uploader.upload(output.directory(), job.mediaBucket(), job.mediaPrefix());
    String prefix = job.mediaPrefix();
    return new TranscodeOutcome.Finished(
        new ReadyVideo(
            output.rungs().stream().map(Rung::name).toList(),
            info.durationSeconds(),
            output.thumbnail() == null ? null : MediaKeys.url(prefix + MediaKeys.THUMBNAIL),
            MediaKeys.url(prefix + MediaKeys.MASTER_PLAYLIST),
            output.storyboard() == null ? null : MediaKeys.url(prefix + MediaKeys.STORYBOARD)));
  }

  /** What the ladder for this source writes: bitrates × duration, plus container overhead. */
  long estimatedOutputBytes(MediaInfo info) {
    List<Rung> rungs = Ladder.forSource(info);
    long kbps = 0;
    for (Rung rung : rungs) {
      kbps += rung.videoKbps() + (info.hasAudio() ? rung.audioKbps() : 0);
    }
    return (long) (kbps * 1000.0 / 8 * info.durationSeconds() * limits.outputSizeFactor());
  }

  private long availableBytes(Path work) throws IOException {
    return Math.min(limits.workStorageBytes(), Files.getFileStore(work).getUsableSpace());
  }

  private static TranscodeOutcome tooLarge(
      TranscodeJob job, long sourceBytes, long outputBytes, long available) {
    LOG.log(
        Level.WARNING,
        "video {0}: source {1} B + outputs ~{2} B exceed the {3} B of work storage",
        job.videoId(),
        sourceBytes,
        outputBytes,
        available);
    return new TranscodeOutcome.Rejected(TOO_LARGE);
  }

  private static void deleteRecursively(Path directory) throws IOException {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(directory)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
