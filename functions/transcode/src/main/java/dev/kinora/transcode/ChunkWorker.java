package dev.kinora.transcode;

import dev.kinora.shared.contract.Limits.TranscodeJobLimits;
import dev.kinora.shared.json.Json;
import dev.kinora.shared.log.Log;
import dev.kinora.transcode.ChunkLedger.ChunkState;
import dev.kinora.transcode.ChunkResult.RungSegments;
import dev.kinora.transcode.ffmpeg.HlsTranscoder;
import dev.kinora.transcode.ffmpeg.HlsTranscoder.ChunkNaming;
import dev.kinora.transcode.ffmpeg.HlsVariant;
import dev.kinora.transcode.ffmpeg.Ladder;
import dev.kinora.transcode.ffmpeg.MasterPlaylist;
import dev.kinora.transcode.ffmpeg.MediaInfo;
import dev.kinora.transcode.ffmpeg.Probe;
import dev.kinora.transcode.ffmpeg.RejectedMediaException;
import dev.kinora.transcode.ffmpeg.Rung;
import dev.kinora.transcode.ffmpeg.TranscodeProgress;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * TranscodeChunkQueue's work: encodes one chunk of a long video into every rung (segments under
 * {@code media/{id}/{rung}/} named by chunk), records what it wrote under {@code work/{id}/}, adds
 * its index to the row's done set, and — when that set is full — assembles the variant and master
 * playlists (with the caption tracks the planner kept) and finishes the video.
 *
 * <p>Idempotent at every step: a chunk already in the done set is not encoded again; a chunk that
 * crashed before its {@link ChunkLedger#markDone} is encoded again over the same keys; an assembly
 * can run more than once (a redelivered last chunk) and writes the same playlists, and {@link
 * TranscodeService#finish} moves the row to ready exactly once.
 */
public final class ChunkWorker {
  private static final System.Logger LOG = Log.logger(ChunkWorker.class);
  private static final int MAX_JSON_BYTES = 4 * 1024 * 1024;

  /** What one message did. */
  public enum Result {
    /** The chunk was encoded and counted; other chunks are still missing. */
    ENCODED,
    /** The chunk was already counted (a redelivery); nothing encoded. */
    ALREADY_DONE,
    /** This chunk completed the set: playlists written, video finished. */
    ASSEMBLED,
    /** The video is not processing (finished, failed, gone) or the message is stray. */
    SKIPPED
  }

  private final ChunkLedger ledger;
  private final ObjectStorage storage;
  private final Probe probe;
  private final HlsTranscoder transcoder;
  private final MediaUploader uploader;
  private final MediaFiles mediaFiles;
  private final TranscodeService transcodes;
  private final StatusPublisher publisher;
  private final String mediaBucket;
  private final Path workRoot;
  private final TranscodeJobLimits limits;
  private final Duration timeout;

  public ChunkWorker(
      ChunkLedger ledger,
      ObjectStorage storage,
      Probe probe,
      HlsTranscoder transcoder,
      MediaUploader uploader,
      MediaFiles mediaFiles,
      TranscodeService transcodes,
      StatusPublisher publisher,
      String mediaBucket,
      Path workRoot,
      TranscodeJobLimits limits,
      Duration timeout) {
    this.ledger = ledger;
    this.storage = storage;
    this.probe = probe;
    this.transcoder = transcoder;
    this.uploader = uploader;
    this.mediaFiles = mediaFiles;
    this.transcodes = transcodes;
    this.publisher = publisher;
    this.mediaBucket = mediaBucket;
    this.workRoot = workRoot;
    this.limits = limits;
    this.timeout = timeout;
  }

  /** Any exception means "try again later": SQS redelivers the message, then dead-letters it. */
  public Result handle(ChunkMessage message) throws Exception {
    String videoId = message.videoId();
    ChunkState state = ledger.state(videoId).orElse(null);
    if (state == null || !TranscodeService.PROCESSING.equals(state.status())) {
      LOG.log(
          Level.INFO,
          "chunk {0} of {1}: video is {2}, not processing; skipped",
          message.index(),
          videoId,
          state == null ? "unknown" : state.status());
      return Result.SKIPPED;
    }
    if (state.total() == 0) {
      throw new IllegalStateException("video " + videoId + " has no chunk plan yet");
    }
    if (message.index() >= state.total()) {
      LOG.log(
          Level.WARNING,
          "chunk {0} of {1}: only {2} chunks planned; stray message",
          message.index(),
          videoId,
          state.total());
      return Result.SKIPPED;
    }
    ChunkPlan plan = read(message.bucket(), WorkKeys.plan(videoId), ChunkPlan.class);
    Result result = Result.ALREADY_DONE;
    if (!state.done().contains(message.index())) {
      ChunkResult encoded = encode(message, plan.chunks().get(message.index()));
      state = ledger.markDone(videoId, message.index()).orElse(null);
      if (state == null) {
        return Result.SKIPPED;
      }
      result = Result.ENCODED;
      double percent = 100.0 * state.done().size() / state.total();
      for (RungSegments rung : encoded.rungs()) {
        publisher.progress(videoId, rung.rung(), percent);
      }
    }
    if (state.complete()) {
      assemble(message, plan, state.total());
      return Result.ASSEMBLED;
    }
    return result;
  }

  private ChunkResult encode(ChunkMessage message, ChunkPlan.Chunk chunk) throws Exception {
    Path work = workRoot.resolve("chunk-" + message.videoId() + "-" + message.index());
    deleteRecursively(work);
    Files.createDirectories(work);
    try {
      long bytes = storage.size(message.bucket(), chunk.sourceKey());
      if (bytes > limits.workStorageBytes()) {
        throw new IOException(chunk.sourceKey() + " does not fit in the work storage");
      }
      Path source = work.resolve("source");
      storage.download(message.bucket(), chunk.sourceKey(), source, limits.workStorageBytes());
      MediaInfo info;
      try {
        info = probe.probe(source);
      } catch (RejectedMediaException e) {
        // The planner cut this piece from a source that probed fine: a bug or damage, worth
        // retrying
        // and, after the last attempt, failing the video through the dead-letter queue.
        throw new IllegalStateException("chunk " + chunk.sourceKey() + " does not probe", e);
      }
      List<Rung> rungs = Ladder.forSource(info);
      Path out = Files.createDirectories(work.resolve("out"));
      Map<String, String> codecs =
          transcoder.encodeChunk(
              source,
              info,
              rungs,
              out,
              new ChunkNaming(WorkKeys.segmentPrefix(chunk.index()), chunk.startSeconds()),
              TranscodeProgress.NONE,
              timeout);
      Files.deleteIfExists(source);
      List<RungSegments> results = new ArrayList<>();
      for (Rung rung : rungs) {
        Path dir = out.resolve(rung.name());
        results.add(
            ChunkPlaylists.read(
                rung,
                dir,
                codecs.getOrDefault(rung.name(), HlsTranscoder.fallbackCodecs(info)),
                transcoder.outputFrameRate(info)));
        // The chunk's own playlist must never reach media/: its key is the rung's playlist.
        Files.delete(dir.resolve("index.m3u8"));
      }
      uploader.upload(out, mediaBucket, MediaKeys.prefix(message.videoId()));
      ChunkResult result = new ChunkResult(chunk.index(), results);
      storage.put(
          message.bucket(),
          WorkKeys.chunkResult(message.videoId(), chunk.index()),
          Json.write(result).getBytes(StandardCharsets.UTF_8),
          "application/json",
          null);
      return result;
    } finally {
      try {
        deleteRecursively(work);
      } catch (IOException e) {
        LOG.log(Level.WARNING, "could not clean " + work, e);
      }
    }
  }

  /** Every rung's playlist over all chunks, then the master (last, as on the one-job path). */
  private void assemble(ChunkMessage message, ChunkPlan plan, int total) throws IOException {
    String videoId = message.videoId();
    String prefix = MediaKeys.prefix(videoId);
    Map<String, List<RungSegments>> byRung = new LinkedHashMap<>();
    for (int index = 0; index < total; index++) {
      ChunkResult result =
          read(message.bucket(), WorkKeys.chunkResult(videoId, index), ChunkResult.class);
      for (RungSegments rung : result.rungs()) {
        byRung.computeIfAbsent(rung.rung(), r -> new ArrayList<>()).add(rung);
      }
    }
    List<HlsVariant> variants = new ArrayList<>();
    for (var rung : byRung.entrySet()) {
      if (rung.getValue().size() != total) {
        throw new IllegalStateException(
            "video " + videoId + ": rung " + rung.getKey() + " is missing in some chunks");
      }
      putPlaylist(prefix + rung.getKey() + "/index.m3u8", ChunkPlaylists.variant(rung.getValue()));
      variants.add(ChunkPlaylists.masterEntry(rung.getValue()));
    }
    putPlaylist(
        prefix + MediaKeys.MASTER_PLAYLIST, MasterPlaylist.render(variants, plan.captions()));
    transcodes.finish(
        videoId,
        new ReadyVideo(
            List.copyOf(byRung.keySet()),
            plan.durationSeconds(),
            plan.thumbnailUrl(),
            MediaKeys.url(prefix + MediaKeys.MASTER_PLAYLIST),
            plan.storyboard() ? MediaKeys.url(prefix + MediaKeys.STORYBOARD) : null,
            plan.captions()));
  }

  private void putPlaylist(String key, String text) throws IOException {
    String name = key.substring(key.lastIndexOf('/') + 1);
    storage.put(
        mediaBucket,
        key,
        text.getBytes(StandardCharsets.UTF_8),
        mediaFiles.contentType(name).orElseThrow(),
        mediaFiles.cacheControl(name));
  }

  private <T> T read(String bucket, String key, Class<T> type) throws IOException {
    return Json.mapper().readValue(storage.get(bucket, key, MAX_JSON_BYTES), type);
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
