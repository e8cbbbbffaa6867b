package dev.kinora.transcode;

import dev.kinora.shared.contract.Limits.TranscodeJobLimits;
import dev.kinora.shared.log.Log;
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
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
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
  private static final System.Logger LOG = Log.logger(FfmpegBackend.class);
  private static final String TOO_LARGE =
      "This video is too long or too large for us to process. Try a shorter or smaller file.";

  private final ObjectStorage storage;
  private final FfmpegEngine engine;
  private final MediaUploader uploader;
  private final StatusPublisher publisher;
  private final Path workRoot;
  private final TranscodeJobLimits limits;
  private final ChunkPlanner planner;
  private final EarlyPlayback earlyPlayback;

  /** Told when the first rungs are published while the others are still encoding. */
  @FunctionalInterface
  public interface EarlyPlayback {
    void playable(String videoId, List<String> resolutions, String playlistUrl);
  }

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
    this(storage, engine, uploader, publisher, workRoot, limits, null, (id, rungs, url) -> {});
  }

  /**
   * @param planner takes over sources too long for one invocation (null: never split)
   * @param earlyPlayback records that the first rungs can be played
   */
  public FfmpegBackend(
      ObjectStorage storage,
      FfmpegEngine engine,
      MediaUploader uploader,
      StatusPublisher publisher,
      Path workRoot,
      TranscodeJobLimits limits,
      ChunkPlanner planner,
      EarlyPlayback earlyPlayback) {
    this.planner = planner;
    this.earlyPlayback = earlyPlayback;
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
    if (planner != null && planner.splits(info)) {
      // The pieces are a second copy of the source on this disk; no outputs are written here.
      if (2 * sourceBytes > available) {
        return tooLarge(job, sourceBytes, sourceBytes, available);
      }
      return planner.plan(job, work, source, info);
    }
    long outputBytes = estimatedOutputBytes(info);
    if (sourceBytes + outputBytes > available) {
      return tooLarge(job, sourceBytes, outputBytes, available);
    }
    String videoId = job.videoId();
    Path outDir = Files.createDirectories(work.resolve("out"));
    EarlyPublisher early = new EarlyPublisher(job, work, outDir, Ladder.forSource(info).size());
    HlsOutput output =
        engine.transcode(
            source,
            info,
            outDir,
            new TranscodeProgress() {
              @Override
              public void percent(String rung, double percent) {
                publisher.progress(videoId, rung, percent);
              }

              @Override
              public void rungReady(Rung rung, Path playlistDir) {
                LOG.log(Level.INFO, "video {0}: {1} encoded", videoId, rung.name());
                early.rungReady(rung, playlistDir);
              }
            });
    Set<String> published = early.await();
    Files.deleteIfExists(source);
    Path poster = null;
    if (output.thumbnail() != null) {
      // The engine names it thumbnail.jpg; it is published under the job's poster token.
      poster =
          Files.move(
              output.thumbnail(),
              output.directory().resolve(job.posterFileName()),
              StandardCopyOption.REPLACE_EXISTING);
    }
    uploader.upload(output.directory(), job.mediaBucket(), job.mediaPrefix(), published);
    String prefix = job.mediaPrefix();
    return new TranscodeOutcome.Finished(
        new ReadyVideo(
            output.rungs().stream().map(Rung::name).toList(),
            info.durationSeconds(),
            poster == null ? null : MediaKeys.url(prefix + job.posterFileName()),
            MediaKeys.url(prefix + MediaKeys.MASTER_PLAYLIST),
            output.storyboard() == null ? null : MediaKeys.url(prefix + MediaKeys.STORYBOARD),
            output.captions()));
  }

  /**
   * Time to playable: when the first pass (the lowest rung alone) is done and more rungs are still
   * to come, that rung and a master listing only it go up on a virtual thread while ffmpeg encodes
   * the rest, and the row is marked playable. The master is copied aside first, because the engine
   * rewrites it when the next pass lands. A failure here only costs the early start: the final
   * upload publishes everything anyway.
   */
  private final class EarlyPublisher {
    private final TranscodeJob job;
    private final Path work;
    private final Path outDir;
    private final int totalRungs;
    private final List<String> ready = new ArrayList<>();
    private Thread upload;
    private volatile Set<String> published = Set.of();

    EarlyPublisher(TranscodeJob job, Path work, Path outDir, int totalRungs) {
      this.job = job;
      this.work = work;
      this.outDir = outDir;
      this.totalRungs = totalRungs;
    }

    synchronized void rungReady(Rung rung, Path playlistDir) {
      ready.add(rung.name());
      if (upload != null || ready.size() >= totalRungs) {
        return; // published early already, or this is the end anyway
      }
      List<String> rungs = List.copyOf(ready);
      Path master = work.resolve(MediaKeys.MASTER_PLAYLIST);
      try {
        Files.copy(
            outDir.resolve(MediaKeys.MASTER_PLAYLIST), master, StandardCopyOption.REPLACE_EXISTING);
      } catch (IOException e) {
        LOG.log(Level.WARNING, "video " + job.videoId() + ": no early master", e);
        return;
      }
      upload =
          Thread.ofVirtual()
              .name("early-publish-" + job.videoId())
              .start(
                  () -> {
                    try {
                      uploader.uploadRung(
                          outDir, playlistDir, job.mediaBucket(), job.mediaPrefix());
                      String key = job.mediaPrefix() + MediaKeys.MASTER_PLAYLIST;
                      uploader.uploadPartialMaster(master, job.mediaBucket(), key);
                      published = Set.copyOf(rungs);
                      earlyPlayback.playable(job.videoId(), rungs, MediaKeys.url(key));
                    } catch (IOException | RuntimeException e) {
                      LOG.log(
                          Level.WARNING,
                          "video "
                              + job.videoId()
                              + ": early publishing failed; the full"
                              + " ladder is published at the end",
                          e);
                    }
                  });
    }

    /** Waits for the early upload; the rung folders it published completely. */
    Set<String> await() throws InterruptedException {
      Thread running;
      synchronized (this) {
        running = upload;
      }
      if (running != null) {
        running.join();
      }
      return published;
    }
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
