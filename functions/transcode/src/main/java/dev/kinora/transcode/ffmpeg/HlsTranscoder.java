package dev.kinora.transcode.ffmpeg;

import dev.kinora.shared.contract.Contract;
import dev.kinora.shared.log.Log;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Turns a probed source into an HLS VOD ladder (fMP4 segments, aligned keyframes), a poster and a
 * storyboard sprite.
 *
 * <p>Time to playable: by default the lowest rung is encoded first, alone — the cheapest encode, a
 * fifth or so of the full ladder's time — and reported ready (master playlist listing it) before
 * one more ffmpeg process encodes every other rung from a single decode ({@code split} + {@code
 * scale} per rung). The extra decode costs little next to the encodes and lets the video play long
 * before the large rungs are done. {@link PassPlan#SINGLE_PASS} encodes every rung in one process
 * instead.
 */
public final class HlsTranscoder {
  private static final System.Logger LOG = Log.logger(HlsTranscoder.class);

  /** The master playlist ffmpeg writes per pass; read for its CODECS, then deleted. */
  private static final String PASS_MASTER = "ffmpeg-master.m3u8";

  private static final String MASTER = "master.m3u8";
  private static final String THUMBNAIL = "thumbnail.jpg";
  private static final String STORYBOARD = "storyboard.jpg";

  /** How the rungs are spread over ffmpeg processes. */
  public enum PassPlan {
    /** The lowest rung alone first (playable early), then all others in one process. */
    LOWEST_RUNG_FIRST,
    /** Every rung in one process: least CPU, but nothing is playable until the end. */
    SINGLE_PASS
  }

  private final FfmpegBinaries binaries;
  private final Duration timeout;
  private final TranscodeSettings settings;
  private final PassPlan plan;
  private final SubtitleExtractor subtitles;

  public HlsTranscoder(FfmpegBinaries binaries, Duration timeout) {
    this(binaries, timeout, TranscodeSettings.load(), PassPlan.LOWEST_RUNG_FIRST);
  }

  public HlsTranscoder(FfmpegBinaries binaries, Duration timeout, PassPlan plan) {
    this(binaries, timeout, TranscodeSettings.load(), plan);
  }

  HlsTranscoder(
      FfmpegBinaries binaries, Duration timeout, TranscodeSettings settings, PassPlan plan) {
    this.binaries = binaries;
    this.timeout = timeout;
    this.settings = settings;
    this.plan = plan;
    Contract contract = Contract.load();
    this.subtitles =
        new SubtitleExtractor(
            binaries,
            contract.limitInteger("captions.maxCues"),
            contract.limitInteger("captions.maxTracksPerVideo"));
  }

  /**
   * The source's text subtitle streams as caption tracks under {@code outDir/captions/}: what the
   * one-job path does after the ladder, for the chunked path's planner (which holds the whole
   * source once).
   */
  public List<ExtractedCaption> extractCaptions(
      Path source, MediaInfo info, Path outDir, Duration timeout) throws IOException {
    return subtitles.extract(source, info, outDir, timeout);
  }

  /**
   * Writes master.m3u8, {rung}/index.m3u8 + segments, thumbnail.jpg, storyboard.jpg into outDir.
   * master.m3u8 is rewritten before each {@link TranscodeProgress#rungReady} and lists exactly the
   * rungs ready so far. The timeout covers the whole call.
   */
  public HlsOutput transcode(Path source, MediaInfo info, Path outDir, TranscodeProgress progress)
      throws IOException, TranscodeFailedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<Rung> rungs = Ladder.forSource(info, settings);
    Files.createDirectories(outDir);
    List<HlsVariant> ready = new ArrayList<>();
    Path master = outDir.resolve(MASTER);
    Path storyboard = outDir.resolve(STORYBOARD);
    boolean storyboardDone = false;
    for (List<Rung> pass : passes(rungs)) {
      Map<String, String> codecs =
          encode(
              source,
              info,
              pass,
              outDir,
              storyboardDone ? null : storyboard,
              progress,
              remaining(deadline));
      storyboardDone = true;
      for (Rung rung : pass) {
        Path playlistDir = outDir.resolve(rung.name());
        ready.add(
            HlsVariant.measure(
                rung,
                playlistDir,
                codecs.getOrDefault(rung.name(), fallbackCodecs(info)),
                outputFrameRate(info)));
      }
      MasterPlaylist.write(master, ready);
      for (Rung rung : pass) {
        progress.rungReady(rung, outDir.resolve(rung.name()));
      }
    }
    Path thumbnail = outDir.resolve(THUMBNAIL);
    thumbnail(source, info, thumbnail, remaining(deadline));
    // The source's text subtitles become caption tracks; the final master names them.
    List<ExtractedCaption> captions = subtitles.extract(source, info, outDir, remaining(deadline));
    if (!captions.isEmpty()) {
      MasterPlaylist.write(master, ready, captions);
    }
    return new HlsOutput(outDir, rungs, master, thumbnail, storyboard, captions);
  }

  /**
   * One ffmpeg process that decodes {@code source} once and encodes {@code rungs} into {@code
   * outDir/<rung>/}, plus the storyboard sprite when {@code storyboard} is not null.
   *
   * @return each rung's CODECS string as ffmpeg reported it, by rung name
   */
  public Map<String, String> encode(
      Path source,
      MediaInfo info,
      List<Rung> rungs,
      Path outDir,
      Path storyboard,
      TranscodeProgress progress,
      Duration passTimeout)
      throws IOException, TranscodeFailedException {
    return encode(
        source, info, rungs, outDir, storyboard, ChunkNaming.WHOLE, progress, passTimeout);
  }

  /**
   * One chunk of a long video (see {@link #split}): every rung in one process, its files named
   * {@code <prefix>init-<rung>.mp4} and {@code <prefix>segment-NNNNN.m4s} so that the chunks of one
   * rung can share a folder. Its segments' decode times are then moved by {@code
   * naming.offsetSeconds} ({@link Fmp4Timeline}) so that the chunks continue each other's timeline.
   */
  public Map<String, String> encodeChunk(
      Path chunk,
      MediaInfo info,
      List<Rung> rungs,
      Path outDir,
      ChunkNaming naming,
      TranscodeProgress progress,
      Duration passTimeout)
      throws IOException, TranscodeFailedException {
    Map<String, String> codecs =
        encode(chunk, info, rungs, outDir, null, naming, progress, passTimeout);
    if (naming.offsetSeconds() > 0) {
      for (Rung rung : rungs) {
        Path dir = outDir.resolve(rung.name());
        Map<Integer, Long> timescales =
            Fmp4Timeline.timescales(dir.resolve(naming.prefix() + "init-" + rung.name() + ".mp4"));
        try (var files = Files.list(dir)) {
          for (Path segment :
              files.filter(f -> f.getFileName().toString().endsWith(".m4s")).toList()) {
            Fmp4Timeline.shift(segment, timescales, naming.offsetSeconds());
          }
        }
      }
    }
    return codecs;
  }

  /** How a pass names its files and where its timeline starts. */
  public record ChunkNaming(String prefix, double offsetSeconds) {
    /** A whole video: plain names, timeline from 0. */
    public static final ChunkNaming WHOLE = new ChunkNaming("", 0);
  }

  private Map<String, String> encode(
      Path source,
      MediaInfo info,
      List<Rung> rungs,
      Path outDir,
      Path storyboard,
      ChunkNaming naming,
      TranscodeProgress progress,
      Duration passTimeout)
      throws IOException, TranscodeFailedException {
    for (Rung rung : rungs) {
      Files.createDirectories(outDir.resolve(rung.name()));
    }
    List<String> command = encodeCommand(source, info, rungs, outDir, storyboard, naming);
    AtomicLong outTimeMicros = new AtomicLong();
    double durationMicros = info.durationSeconds() * 1_000_000;
    FfmpegProcess.Result result =
        FfmpegProcess.run(
            command,
            passTimeout,
            line -> {
              long micros = progressMicros(line);
              if (micros >= 0) {
                outTimeMicros.set(micros);
                double percent = Math.min(100, 100 * micros / durationMicros);
                for (Rung rung : rungs) {
                  reportPercent(progress, rung, percent);
                }
              }
            });
    if (result.timedOut()) {
      throw new TranscodeFailedException(
          "Transcoding took longer than " + passTimeout.toSeconds() + " s and was stopped.");
    }
    if (!result.succeeded()) {
      throw new TranscodeFailedException(
          "ffmpeg failed (exit " + result.exitCode() + "): " + result.stderrText());
    }
    double reachedSeconds = outTimeMicros.get() / 1_000_000.0;
    // A source cut short after its index ends early although the index promises more.
    if (reachedSeconds + settings.keyframeIntervalSeconds() < 0.9 * info.durationSeconds()) {
      throw new TranscodeFailedException(
          String.format(
              Locale.ROOT,
              "The video stops at %.1f s although it says it lasts %.1f s:"
                  + " the file is damaged or incomplete.",
              reachedSeconds,
              info.durationSeconds()));
    }
    Path passMaster = outDir.resolve(PASS_MASTER);
    Map<String, String> codecs = codecsByRung(passMaster);
    Files.deleteIfExists(passMaster);
    return codecs;
  }

  List<String> encodeCommand(
      Path source, MediaInfo info, List<Rung> rungs, Path outDir, Path storyboard) {
    return encodeCommand(source, info, rungs, outDir, storyboard, ChunkNaming.WHOLE);
  }

  List<String> encodeCommand(
      Path source,
      MediaInfo info,
      List<Rung> rungs,
      Path outDir,
      Path storyboard,
      ChunkNaming naming) {
    double frameRate = outputFrameRate(info);
    int gop = Math.max(1, (int) Math.round(settings.keyframeIntervalSeconds() * frameRate));
    List<String> command = new ArrayList<>(baseCommand());
    command.addAll(SafeInput.forcing(info.formatName(), source));

    int branches = rungs.size() + (storyboard == null ? 0 : 1);
    StringBuilder graph = new StringBuilder("[0:v]");
    if (info.frameRate() > settings.maxOutputFrameRate()) {
      graph.append("fps=").append(settings.maxOutputFrameRate()).append(',');
    }
    graph.append("split=").append(branches);
    for (int i = 0; i < branches; i++) {
      graph.append("[s").append(i).append(']');
    }
    for (int i = 0; i < rungs.size(); i++) {
      Rung rung = rungs.get(i);
      graph
          .append(";[s")
          .append(i)
          .append("]scale=")
          .append(rung.width())
          .append(':')
          .append(rung.height())
          .append(",setsar=1[v")
          .append(i)
          .append(']');
    }
    if (storyboard != null) {
      int tileWidth = settings.storyboardTileWidth();
      int tileHeight =
          Math.max(
              2, (int) (Math.round((double) tileWidth * info.height() / info.width() / 2) * 2));
      graph.append(
          String.format(
              Locale.ROOT,
              ";[s%d]fps=%.6f,scale=%d:%d,tile=%dx%d[sb]",
              rungs.size(),
              settings.storyboardTiles() / info.durationSeconds(),
              tileWidth,
              tileHeight,
              settings.storyboardColumns(),
              settings.storyboardRows()));
    }
    command.addAll(List.of("-filter_complex", graph.toString()));

    StringBuilder streamMap = new StringBuilder();
    for (int i = 0; i < rungs.size(); i++) {
      command.addAll(List.of("-map", "[v" + i + "]"));
    }
    if (info.hasAudio()) {
      for (int i = 0; i < rungs.size(); i++) {
        command.addAll(List.of("-map", "0:a:0"));
      }
    }
    command.addAll(
        List.of(
            "-c:v",
            "libx264",
            "-preset",
            settings.x264Preset(),
            "-pix_fmt",
            "yuv420p",
            "-g",
            Integer.toString(gop),
            "-keyint_min",
            Integer.toString(gop),
            "-sc_threshold",
            "0",
            "-force_key_frames",
            "expr:gte(t,n_forced*" + settings.keyframeIntervalSeconds() + ")"));
    for (int i = 0; i < rungs.size(); i++) {
      Rung rung = rungs.get(i);
      command.addAll(
          List.of(
              "-b:v:" + i,
              rung.videoKbps() + "k",
              "-maxrate:v:" + i,
              Math.round(rung.videoKbps() * settings.maxRateFactor()) + "k",
              "-bufsize:v:" + i,
              Math.round(rung.videoKbps() * settings.bufferFactor()) + "k"));
      if (info.hasAudio()) {
        command.addAll(List.of("-b:a:" + i, rung.audioKbps() + "k"));
      }
      if (i > 0) {
        streamMap.append(' ');
      }
      streamMap.append("v:").append(i);
      if (info.hasAudio()) {
        streamMap.append(",a:").append(i);
      }
      streamMap.append(",name:").append(rung.name());
    }
    if (info.hasAudio()) {
      command.addAll(List.of("-c:a", "aac", "-ac", Integer.toString(settings.audioChannels())));
    }
    command.addAll(
        List.of(
            "-f",
            "hls",
            "-hls_time",
            Integer.toString(settings.segmentSeconds()),
            "-hls_playlist_type",
            "vod",
            "-hls_segment_type",
            "fmp4",
            "-hls_flags",
            "independent_segments",
            "-hls_fmp4_init_filename",
            // ffmpeg insists on %v in any init name but its default (then it names it by rung).
            naming.prefix().isEmpty() ? "init.mp4" : naming.prefix() + "init-%v.mp4",
            "-hls_segment_filename",
            outDir.resolve("%v").resolve(naming.prefix() + "segment-%05d.m4s").toString(),
            "-master_pl_name",
            PASS_MASTER,
            "-var_stream_map",
            streamMap.toString(),
            outDir.resolve("%v").resolve("index.m3u8").toString()));
    if (storyboard != null) {
      command.addAll(
          List.of(
              "-map",
              "[sb]",
              "-frames:v",
              "1",
              "-q:v",
              "3",
              "-update",
              "1",
              storyboard.toString()));
    }
    return command;
  }

  /** A piece of the source cut by {@link #split}, on the source's timeline. */
  public record SourceChunk(Path file, double startSeconds, double endSeconds) {
    public double durationSeconds() {
      return endSeconds - startSeconds;
    }
  }

  /**
   * Cuts the source without re-encoding ({@code -c copy}, the segment muxer) at the first keyframe
   * at or after each of {@code cutSeconds}, so every piece starts with a keyframe and decodes on
   * its own. Video and audio only; MP4-family sources stay MP4 (which keeps the rotation matrix),
   * everything else becomes Matroska (which holds any codec). Each piece's timestamps restart at 0;
   * its start and end on the source's timeline come from the muxer's own segment list.
   */
  public List<SourceChunk> split(
      Path source, MediaInfo info, List<Double> cutSeconds, Path outDir, Duration passTimeout)
      throws IOException, TranscodeFailedException {
    Files.createDirectories(outDir);
    boolean mp4 = info.formatName().startsWith("mov");
    String extension = mp4 ? "mp4" : "mkv";
    Path list = outDir.resolve("chunks.csv");
    List<String> command = new ArrayList<>(baseCommand());
    command.addAll(SafeInput.forcing(info.formatName(), source));
    command.addAll(List.of("-map", "0:v:0"));
    if (info.hasAudio()) {
      command.addAll(List.of("-map", "0:a:0"));
    }
    command.addAll(
        List.of("-c", "copy", "-f", "segment", "-segment_format", mp4 ? "mp4" : "matroska"));
    if (!cutSeconds.isEmpty()) {
      command.addAll(
          List.of(
              "-segment_times",
              String.join(
                  ",",
                  cutSeconds.stream().map(t -> String.format(Locale.ROOT, "%.3f", t)).toList())));
    }
    command.addAll(
        List.of(
            "-reset_timestamps",
            "1",
            "-segment_list",
            list.toString(),
            "-segment_list_type",
            "csv",
            outDir.resolve("source-%05d." + extension).toString()));
    FfmpegProcess.Result result = FfmpegProcess.run(command, passTimeout, line -> {});
    if (!result.succeeded()) {
      throw new TranscodeFailedException(
          "ffmpeg could not split the video (exit "
              + result.exitCode()
              + "): "
              + result.stderrText());
    }
    List<SourceChunk> chunks = new ArrayList<>();
    for (String line : Files.readAllLines(list, StandardCharsets.UTF_8)) {
      String[] fields = line.split(",");
      if (fields.length < 3) {
        continue;
      }
      chunks.add(
          new SourceChunk(
              outDir.resolve(fields[0].strip()),
              Double.parseDouble(fields[1].strip()),
              Double.parseDouble(fields[2].strip())));
    }
    if (chunks.isEmpty()) {
      throw new TranscodeFailedException("ffmpeg split the video into nothing.");
    }
    return chunks;
  }

  /**
   * The storyboard sprite from keyframes only ({@code -skip_frame nokey}): a long video's planner
   * cannot afford to decode every frame, and a keyframe every few seconds is close enough for seek
   * previews.
   */
  public void keyframeStoryboard(Path source, MediaInfo info, Path storyboard, Duration passTimeout)
      throws IOException, TranscodeFailedException {
    int tileWidth = settings.storyboardTileWidth();
    int tileHeight =
        Math.max(2, (int) (Math.round((double) tileWidth * info.height() / info.width() / 2) * 2));
    List<String> command = new ArrayList<>(baseCommand());
    command.addAll(List.of("-skip_frame", "nokey"));
    command.addAll(SafeInput.forcing(info.formatName(), source));
    command.addAll(
        List.of(
            "-vf",
            String.format(
                Locale.ROOT,
                "fps=%.6f,scale=%d:%d,tile=%dx%d",
                settings.storyboardTiles() / info.durationSeconds(),
                tileWidth,
                tileHeight,
                settings.storyboardColumns(),
                settings.storyboardRows()),
            "-frames:v",
            "1",
            "-q:v",
            "3",
            "-update",
            "1",
            storyboard.toString()));
    FfmpegProcess.Result result = FfmpegProcess.run(command, passTimeout, line -> {});
    if (!result.succeeded() || !Files.isRegularFile(storyboard)) {
      throw new TranscodeFailedException(
          "The storyboard could not be made: " + result.stderrText());
    }
  }

  /** The poster: one frame at {@code thumbnail.positionFraction} of the duration. */
  public void thumbnail(Path source, MediaInfo info, Path thumbnail, Duration passTimeout)
      throws IOException, TranscodeFailedException {
    int width = Math.min(settings.thumbnailWidth(), info.width()) & ~1;
    int height =
        Math.max(2, (int) (Math.round((double) width * info.height() / info.width() / 2) * 2));
    double position = info.durationSeconds() * settings.thumbnailPositionFraction();
    List<String> command = new ArrayList<>(baseCommand());
    command.addAll(List.of("-ss", String.format(Locale.ROOT, "%.3f", position)));
    command.addAll(SafeInput.forcing(info.formatName(), source));
    command.addAll(
        List.of(
            "-frames:v",
            "1",
            "-vf",
            "scale=" + width + ":" + height,
            "-q:v",
            "3",
            "-update",
            "1",
            thumbnail.toString()));
    FfmpegProcess.Result result = FfmpegProcess.run(command, passTimeout, line -> {});
    if (!result.succeeded() || !Files.isRegularFile(thumbnail)) {
      throw new TranscodeFailedException(
          "The poster frame could not be taken: " + result.stderrText());
    }
  }

  /**
   * Progress is advisory: a listener that fails must not stop the transcode (or, worse, stop this
   * reader so ffmpeg blocks on a full pipe until the timeout).
   */
  private static void reportPercent(TranscodeProgress progress, Rung rung, double percent) {
    try {
      progress.percent(rung.name(), percent);
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "progress listener failed; transcode continues", e);
    }
  }

  private List<String> baseCommand() {
    return List.of(
        binaries.ffmpeg().toString(),
        "-hide_banner",
        "-nostdin",
        "-y",
        "-v",
        "error",
        "-progress",
        "pipe:1",
        "-nostats");
  }

  private List<List<Rung>> passes(List<Rung> rungs) {
    if (plan == PassPlan.SINGLE_PASS || rungs.size() == 1) {
      return List.of(rungs);
    }
    return List.of(List.of(rungs.getLast()), rungs.subList(0, rungs.size() - 1));
  }

  /** The frame rate every rung is encoded at (the source's, capped). */
  public double outputFrameRate(MediaInfo info) {
    return Math.min(info.frameRate(), settings.maxOutputFrameRate());
  }

  /** CODECS when ffmpeg did not report them (High profile, level 4.0; AAC-LC). */
  public static String fallbackCodecs(MediaInfo info) {
    return info.hasAudio() ? "avc1.640028,mp4a.40.2" : "avc1.640028";
  }

  /** {@code out_time_us=…} (or the misnamed {@code out_time_ms=…}, also µs); -1 otherwise. */
  static long progressMicros(String line) {
    String value;
    if (line.startsWith("out_time_us=")) {
      value = line.substring("out_time_us=".length());
    } else if (line.startsWith("out_time_ms=")) {
      value = line.substring("out_time_ms=".length());
    } else {
      return -1;
    }
    try {
      return Math.max(0, Long.parseLong(value.trim()));
    } catch (NumberFormatException e) {
      return -1; // "N/A" before the first frame
    }
  }

  /** CODECS per variant from ffmpeg's own master playlist of a pass, keyed by rung name. */
  private static Map<String, String> codecsByRung(Path passMaster) throws IOException {
    Map<String, String> codecs = new HashMap<>();
    if (!Files.isRegularFile(passMaster)) {
      return codecs;
    }
    String pending = null;
    for (String line : Files.readAllLines(passMaster, StandardCharsets.UTF_8)) {
      if (line.startsWith("#EXT-X-STREAM-INF:")) {
        int start = line.indexOf("CODECS=\"");
        pending = start < 0 ? null : line.substring(start + 8, line.indexOf('"', start + 8));
      } else if (!line.isBlank() && !line.startsWith("#")) {
        if (pending != null) {
          codecs.put(line.substring(0, line.indexOf('/')), pending);
        }
        pending = null;
      }
    }
    return codecs;
  }

  private static Duration remaining(long deadlineNanos) throws TranscodeFailedException {
    long left = deadlineNanos - System.nanoTime();
    if (left <= 0) {
      throw new TranscodeFailedException("Transcoding ran out of time and was stopped.");
    }
    return Duration.ofNanos(left);
  }
}
