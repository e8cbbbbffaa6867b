package dev.kinora.transcode;

import dev.kinora.shared.json.Json;
import dev.kinora.shared.log.Log;
import dev.kinora.transcode.ffmpeg.ExtractedCaption;
import dev.kinora.transcode.ffmpeg.HlsTranscoder;
import dev.kinora.transcode.ffmpeg.HlsTranscoder.SourceChunk;
import dev.kinora.transcode.ffmpeg.MediaInfo;
import dev.kinora.transcode.ffmpeg.TranscodeFailedException;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The long-video path (functions/transcode/README.md "Long videos"): a source whose estimated
 * encode time (duration ÷ ladder speed) exceeds the single-job budget is not encoded here. Instead
 * the poster and a keyframe storyboard are published, the source is cut at keyframes into pieces of
 * about {@code chunkSeconds} without re-encoding, the pieces and the plan go to {@code
 * work/{videoId}/} in the raw bucket, the row records the chunk count, and one message per chunk
 * goes to TranscodeChunkQueue. {@link ChunkWorker}s do the rest.
 *
 * <p>Every step can be repeated: a redelivered planner message cuts the same pieces (same source,
 * same cut times), overwrites the same keys, is accepted by {@link ChunkLedger#plan} with the same
 * count, and re-sends messages whose chunks are already done or will only be counted once.
 */
public final class ChunkPlanner {
  private static final System.Logger LOG = Log.logger(ChunkPlanner.class);

  /** When to split and into what. */
  public record Settings(double ladderSpeed, int singleJobBudgetSeconds, int chunkSeconds) {}

  private final HlsTranscoder transcoder;
  private final ObjectStorage storage;
  private final MediaUploader uploader;
  private final ChunkLedger ledger;
  private final ChunkQueue queue;
  private final Settings settings;
  private final Duration timeout;

  public ChunkPlanner(
      HlsTranscoder transcoder,
      ObjectStorage storage,
      MediaUploader uploader,
      ChunkLedger ledger,
      ChunkQueue queue,
      Settings settings,
      Duration timeout) {
    this.transcoder = transcoder;
    this.storage = storage;
    this.uploader = uploader;
    this.ledger = ledger;
    this.queue = queue;
    this.settings = settings;
    this.timeout = timeout;
  }

  /** Whether one invocation could not be trusted to encode the whole ladder in time. */
  public boolean splits(MediaInfo info) {
    return estimatedEncodeSeconds(info) > settings.singleJobBudgetSeconds();
  }

  double estimatedEncodeSeconds(MediaInfo info) {
    return info.durationSeconds() / settings.ladderSpeed();
  }

  /**
   * Where to cut: every {@code chunkSeconds}, with the remainder folded into the last chunk when it
   * would be shorter than half a chunk (a two-second tail is not worth an invocation).
   */
  public static List<Double> cutTimes(double durationSeconds, int chunkSeconds) {
    int chunks = Math.max(1, (int) Math.round(durationSeconds / chunkSeconds));
    List<Double> cuts = new ArrayList<>();
    for (int k = 1; k < chunks; k++) {
      cuts.add((double) k * chunkSeconds);
    }
    return cuts;
  }

  /**
   * Plans the chunks of {@code source} (already downloaded to {@code work} and probed as {@code
   * info}) and queues them.
   */
  public TranscodeOutcome plan(TranscodeJob job, Path work, Path source, MediaInfo info)
      throws IOException, TranscodeFailedException {
    String videoId = job.videoId();
    Path images = Files.createDirectories(work.resolve("images"));
    transcoder.thumbnail(source, info, images.resolve(job.posterFileName()), timeout);
    boolean storyboard = true;
    try {
      transcoder.keyframeStoryboard(source, info, images.resolve(MediaKeys.STORYBOARD), timeout);
    } catch (TranscodeFailedException e) {
      // Seek previews are a nicety; a video without them still plays.
      LOG.log(Level.WARNING, "video " + videoId + ": no storyboard", e);
      storyboard = false;
    }
    // The whole source is here once: its text subtitles become caption tracks now.
    List<ExtractedCaption> captions = transcoder.extractCaptions(source, info, images, timeout);
    List<SourceChunk> pieces =
        transcoder.split(
            source,
            info,
            cutTimes(info.durationSeconds(), settings.chunkSeconds()),
            work.resolve("chunks"),
            timeout);
    Files.deleteIfExists(source);

    double origin = pieces.getFirst().startSeconds();
    List<ChunkPlan.Chunk> chunks = new ArrayList<>();
    for (int i = 0; i < pieces.size(); i++) {
      SourceChunk piece = pieces.get(i);
      String name = piece.file().getFileName().toString();
      String extension = name.substring(name.lastIndexOf('.') + 1);
      String key = WorkKeys.chunkSource(videoId, i, extension);
      storage.upload(
          job.sourceBucket(),
          key,
          piece.file(),
          "mp4".equals(extension) ? "video/mp4" : "video/x-matroska",
          null);
      Files.deleteIfExists(piece.file());
      chunks.add(
          new ChunkPlan.Chunk(i, key, piece.startSeconds() - origin, piece.durationSeconds()));
    }
    uploader.upload(images, job.mediaBucket(), job.mediaPrefix());
    ChunkPlan plan =
        new ChunkPlan(
            videoId,
            info.durationSeconds(),
            MediaKeys.url(job.mediaPrefix() + job.posterFileName()),
            storyboard,
            chunks,
            captions);
    storage.put(
        job.sourceBucket(),
        WorkKeys.plan(videoId),
        Json.write(plan).getBytes(StandardCharsets.UTF_8),
        "application/json",
        null);
    if (!ledger.plan(videoId, chunks.size())) {
      throw new IllegalStateException(
          "video " + videoId + " is not processing any more or was planned with another count");
    }
    queue.send(
        chunks.stream()
            .map(chunk -> new ChunkMessage(videoId, chunk.index(), job.sourceBucket()))
            .toList());
    LOG.log(
        Level.INFO,
        "video {0}: {1} s (~{2} s to encode) split into {3} chunks",
        videoId,
        info.durationSeconds(),
        Math.round(estimatedEncodeSeconds(info)),
        chunks.size());
    return new TranscodeOutcome.Chunked(chunks.size());
  }
}
