package dev.kinora.bench.transcode;

import dev.kinora.bench.BenchContext;
import dev.kinora.bench.BenchOption;
import dev.kinora.bench.Benchmark;
import dev.kinora.bench.Machine;
import dev.kinora.bench.ResultsFile;
import dev.kinora.bench.transcode.TranscodeResults.Run;
import dev.kinora.transcode.ChunkPlanner;
import dev.kinora.transcode.ChunkPlaylists;
import dev.kinora.transcode.ChunkResult.RungSegments;
import dev.kinora.transcode.WorkKeys;
import dev.kinora.transcode.ffmpeg.FfmpegBinaries;
import dev.kinora.transcode.ffmpeg.HlsTranscoder;
import dev.kinora.transcode.ffmpeg.HlsTranscoder.PassPlan;
import dev.kinora.transcode.ffmpeg.HlsVariant;
import dev.kinora.transcode.ffmpeg.Ladder;
import dev.kinora.transcode.ffmpeg.MasterPlaylist;
import dev.kinora.transcode.ffmpeg.MediaInfo;
import dev.kinora.transcode.ffmpeg.Probe;
import dev.kinora.transcode.ffmpeg.Rung;
import dev.kinora.transcode.ffmpeg.TranscodeProgress;
import dev.kinora.transcode.ffmpeg.TranscodeSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code ./kinora bench transcode}: the engine the transcode function runs, on a generated 1080p30
 * clip with sound. (a) one ffmpeg process per rung, one after the other — the naive baseline; (b)
 * our ladder as the function runs it (lowest rung alone first, then the others from one decode)
 * with (c) the time until the lowest rung is playable; and (b') every rung from a single process.
 * Same binaries, bitrates, preset and keyframes (limits.json {@code transcode}) throughout. Wall
 * time and the ffmpeg processes' CPU time are both recorded: on a shared machine the CPU time is
 * the steadier comparison.
 */
public final class TranscodeBench implements Benchmark {
  static final int DEFAULT_DURATION_SECONDS = 60;
  static final int DEFAULT_TIMEOUT_SECONDS = 3600;

  /** Chunk length of (d): a 60 s clip becomes 6 chunks, enough to see the slowest one. */
  static final int DEFAULT_CHUNK_SECONDS = 10;

  /**
   * The source: the test pattern and tone the reference measurement in the team notes used, encoded
   * the way a camera writes a file (H.264 High, one keyframe a second, AAC stereo 48 kHz) at high
   * quality. {@code --noise} adds per-frame grain, as a camera sensor does, which makes every
   * encode and the decode costlier.
   */
  static final int SOURCE_CRF = 18;

  static final int SOURCE_GOP_FRAMES = 30;

  @Override
  public String name() {
    return "transcode";
  }

  @Override
  public String summary() {
    return "ffmpeg ladder: one pass per rung vs our ladder, time until 360p plays, CPU, peak RSS";
  }

  @Override
  public List<BenchOption> options() {
    return List.of(
        BenchOption.value(
            "duration",
            "seconds",
            "length of the generated 1080p30 clip, 5-600 (default "
                + DEFAULT_DURATION_SECONDS
                + ")"),
        BenchOption.value(
            "noise", "strength", "per-frame grain in the source, 0-40 (default 0: none)"),
        BenchOption.value(
            "chunk",
            "seconds",
            "chunk length of the long-video path (d), 2-300 (default "
                + DEFAULT_CHUNK_SECONDS
                + ")"),
        BenchOption.value(
            "timeout",
            "seconds",
            "limit for each measured run (default " + DEFAULT_TIMEOUT_SECONDS + ")"));
  }

  @Override
  public int run(BenchContext context) throws Exception {
    int duration = context.args().integer("duration", DEFAULT_DURATION_SECONDS, 5, 600);
    int noise = context.args().integer("noise", 0, 0, 40);
    int chunkSeconds = context.args().integer("chunk", DEFAULT_CHUNK_SECONDS, 2, 300);
    Duration timeout =
        Duration.ofSeconds(context.args().integer("timeout", DEFAULT_TIMEOUT_SECONDS, 30, 14_400));
    Instant startedAt = context.clock().instant();
    Machine machine = Machine.now();
    FfmpegBinaries binaries =
        FfmpegBinaries.fromDirectory(context.root().resolve("layers/ffmpeg/target/layer/bin"));
    if (!Files.isExecutable(binaries.ffmpeg())) {
      throw new IllegalArgumentException(
          "no ffmpeg layer at "
              + binaries.ffmpeg()
              + ": build it (./mvnw -pl layers/ffmpeg install)");
    }
    Path work = context.workDir(name());
    Files.createDirectories(work);
    PrintStream out = context.out();

    Path source = work.resolve("source-" + duration + "s-1080p30-noise" + noise + ".mp4");
    boolean sourceReused = Files.isRegularFile(source);
    if (!sourceReused) {
      out.println("generating a " + duration + " s 1080p30 clip with sound ...");
      generateSource(binaries, source, duration, noise, timeout);
    }
    MediaInfo info = new Probe(binaries, Duration.ofSeconds(60)).probe(source);
    List<Rung> rungs = Ladder.forSource(info);
    out.printf(
        Locale.ROOT,
        "source: %dx%d %.2f fps, %.1f s, %.1f MiB (%.1f Mbit/s); rungs %s%n",
        info.width(),
        info.height(),
        info.frameRate(),
        info.durationSeconds(),
        Files.size(source) / 1048576.0,
        Files.size(source) * 8 / info.durationSeconds() / 1e6,
        rungs.stream().map(Rung::name).toList());

    Run sequential;
    List<Run> perRung = new ArrayList<>();
    Run ladder;
    Run singlePass;
    TranscodeResults.Chunked chunked;
    try (PeakRss rss = new PeakRss(binaries.ffmpeg())) {
      // (a) one process per rung, largest first, each decoding the source itself
      HlsTranscoder perRungEncoder = new HlsTranscoder(binaries, timeout);
      Path sequentialDir = fresh(work.resolve("a-per-rung"));
      long sequentialStart = System.nanoTime();
      double sequentialCpuStart = ChildCpu.seconds();
      long sequentialPeak = 0;
      for (Rung rung : rungs) {
        rss.reset();
        long start = System.nanoTime();
        double cpuStart = ChildCpu.seconds();
        perRungEncoder.encode(source, info, List.of(rung), sequentialDir, null, IGNORE, timeout);
        Run run =
            new Run(
                "a  " + rung.name() + " alone",
                seconds(System.nanoTime() - start),
                ChildCpu.seconds() - cpuStart,
                null,
                rss.peakKib(),
                size(sequentialDir.resolve(rung.name())));
        sequentialPeak = Math.max(sequentialPeak, run.peakRssKib());
        perRung.add(run);
        out.printf(
            Locale.ROOT,
            "  a: %s alone %.1f s (cpu %.1f s)%n",
            rung.name(),
            run.wallSeconds(),
            run.cpuSeconds());
      }
      sequential =
          new Run(
              "a  one pass per rung, sequential",
              seconds(System.nanoTime() - sequentialStart),
              ChildCpu.seconds() - sequentialCpuStart,
              null,
              sequentialPeak,
              size(sequentialDir));

      // (b) + (c): the engine as the function runs it
      ladder =
          measureEngine(
              "b  ladder, lowest rung first (engine)",
              new HlsTranscoder(binaries, timeout, PassPlan.LOWEST_RUNG_FIRST),
              source,
              info,
              rungs,
              fresh(work.resolve("b-ladder")),
              rss,
              out);
      // (b'): every rung from one process; least work, nothing playable until the end
      singlePass =
          measureEngine(
              "b' ladder, single pass",
              new HlsTranscoder(binaries, timeout, PassPlan.SINGLE_PASS),
              source,
              info,
              rungs,
              fresh(work.resolve("b-single-pass")),
              rss,
              out);
      // (d): the long-video path, chunks one after another
      chunked =
          measureChunked(
              new HlsTranscoder(binaries, timeout, PassPlan.SINGLE_PASS),
              new Probe(binaries, Duration.ofSeconds(60)),
              source,
              info,
              chunkSeconds,
              fresh(work.resolve("d-chunked")),
              timeout,
              rss,
              out);
    }

    TranscodeSettings settings = TranscodeSettings.load();
    var results =
        TranscodeResults.of(
            name(),
            startedAt.toString(),
            machine,
            Machine.currentLoadAverage(),
            new TranscodeResults.Settings(
                info.durationSeconds(),
                info.width() + "x" + info.height(),
                info.frameRate(),
                Files.size(source),
                String.format(
                    Locale.ROOT,
                    "testsrc2%s + sine, libx264 veryfast crf %d, keyframe every %d frames, AAC"
                        + " 128k",
                    noise == 0 ? "" : " + noise " + noise,
                    SOURCE_CRF,
                    SOURCE_GOP_FRAMES),
                sourceReused,
                settings.x264Preset(),
                settings.keyframeIntervalSeconds(),
                settings.segmentSeconds(),
                rungs.stream()
                    .map(
                        r ->
                            String.format(
                                Locale.ROOT,
                                "%s %dx%d %dk+%dk",
                                r.name(),
                                r.width(),
                                r.height(),
                                r.videoKbps(),
                                r.audioKbps()))
                    .toList(),
                ffmpegVersion(binaries)),
            sequential,
            perRung,
            ladder,
            singlePass,
            chunked);
    out.print(results.table());
    Path file = ResultsFile.write(context.resultsDir(), name(), startedAt, results);
    out.println("results: " + context.root().relativize(file));
    return 0;
  }

  private static Run measureEngine(
      String label,
      HlsTranscoder transcoder,
      Path source,
      MediaInfo info,
      List<Rung> rungs,
      Path outDir,
      PeakRss rss,
      PrintStream out)
      throws Exception {
    rss.reset();
    String lowest = rungs.getLast().name();
    long start = System.nanoTime();
    double cpuStart = ChildCpu.seconds();
    long[] lowestReadyAt = {-1};
    transcoder.transcode(
        source,
        info,
        outDir,
        new TranscodeProgress() {
          @Override
          public void percent(String rung, double percent) {}

          @Override
          public void rungReady(Rung rung, Path playlistDir) {
            if (rung.name().equals(lowest) && lowestReadyAt[0] < 0) {
              lowestReadyAt[0] = System.nanoTime();
            }
          }
        });
    Run run =
        new Run(
            label,
            seconds(System.nanoTime() - start),
            ChildCpu.seconds() - cpuStart,
            seconds(lowestReadyAt[0] - start),
            rss.peakKib(),
            size(outDir));
    out.printf(
        Locale.ROOT,
        "  %s: %.1f s (cpu %.1f s), %s playable after %.1f s%n",
        label,
        run.wallSeconds(),
        run.cpuSeconds(),
        lowest,
        run.playableSeconds());
    return run;
  }

  /**
   * (d) what the function's long-video path does, minus S3: plan (poster, keyframe storyboard,
   * split), encode each chunk into every rung (segments renamed and moved onto the video's
   * timeline), assemble the variant and master playlists from the chunks' segment lists.
   */
  private static TranscodeResults.Chunked measureChunked(
      HlsTranscoder transcoder,
      Probe probe,
      Path source,
      MediaInfo info,
      int chunkSeconds,
      Path dir,
      Duration timeout,
      PeakRss rss,
      PrintStream out)
      throws Exception {
    rss.reset();
    long start = System.nanoTime();
    double cpuStart = ChildCpu.seconds();
    Path images = Files.createDirectories(dir.resolve("images"));
    transcoder.thumbnail(source, info, images.resolve("thumbnail.jpg"), timeout);
    transcoder.keyframeStoryboard(source, info, images.resolve("storyboard.jpg"), timeout);
    List<HlsTranscoder.SourceChunk> pieces =
        transcoder.split(
            source,
            info,
            ChunkPlanner.cutTimes(info.durationSeconds(), chunkSeconds),
            dir.resolve("pieces"),
            timeout);
    Run plan =
        new Run(
            "d  plan: poster, storyboard, split at keyframes",
            seconds(System.nanoTime() - start),
            ChildCpu.seconds() - cpuStart,
            null,
            rss.peakKib(),
            size(dir));
    out.printf(Locale.ROOT, "  d: plan %.1f s, %d chunks%n", plan.wallSeconds(), pieces.size());

    Path media = Files.createDirectories(dir.resolve("media"));
    double origin = pieces.getFirst().startSeconds();
    List<Run> perChunk = new ArrayList<>();
    Map<String, List<RungSegments>> byRung = new LinkedHashMap<>();
    for (int i = 0; i < pieces.size(); i++) {
      HlsTranscoder.SourceChunk piece = pieces.get(i);
      rss.reset();
      long chunkStart = System.nanoTime();
      double chunkCpu = ChildCpu.seconds();
      MediaInfo chunkInfo = probe.probe(piece.file());
      List<Rung> rungs = Ladder.forSource(chunkInfo);
      Path chunkOut = Files.createDirectories(dir.resolve("chunk-" + i));
      Map<String, String> codecs =
          transcoder.encodeChunk(
              piece.file(),
              chunkInfo,
              rungs,
              chunkOut,
              new HlsTranscoder.ChunkNaming(
                  WorkKeys.segmentPrefix(i), piece.startSeconds() - origin),
              IGNORE,
              timeout);
      for (Rung rung : rungs) {
        Path rungDir = chunkOut.resolve(rung.name());
        byRung
            .computeIfAbsent(rung.name(), r -> new ArrayList<>())
            .add(
                ChunkPlaylists.read(
                    rung,
                    rungDir,
                    codecs.getOrDefault(rung.name(), HlsTranscoder.fallbackCodecs(chunkInfo)),
                    transcoder.outputFrameRate(chunkInfo)));
        Files.delete(rungDir.resolve("index.m3u8"));
      }
      Run run =
          new Run(
              String.format(
                  Locale.ROOT,
                  "d  slowest chunk (%d of %d, %.1f s)",
                  i + 1,
                  pieces.size(),
                  piece.durationSeconds()),
              seconds(System.nanoTime() - chunkStart),
              ChildCpu.seconds() - chunkCpu,
              null,
              rss.peakKib(),
              size(chunkOut));
      perChunk.add(run);
      out.printf(
          Locale.ROOT,
          "  d: chunk %d (%.1f s) %.1f s (cpu %.1f s)%n",
          i,
          piece.durationSeconds(),
          run.wallSeconds(),
          run.cpuSeconds());
    }

    long assemblyStart = System.nanoTime();
    List<HlsVariant> variants = new ArrayList<>();
    for (var rung : byRung.entrySet()) {
      Path rungDir = Files.createDirectories(media.resolve(rung.getKey()));
      Files.writeString(rungDir.resolve("index.m3u8"), ChunkPlaylists.variant(rung.getValue()));
      variants.add(ChunkPlaylists.masterEntry(rung.getValue()));
    }
    Files.writeString(media.resolve("master.m3u8"), MasterPlaylist.render(variants));
    Run assembly =
        new Run(
            "d  assembly: variant + master playlists",
            seconds(System.nanoTime() - assemblyStart),
            0,
            null,
            0,
            size(media));
    return TranscodeResults.Chunked.of(chunkSeconds, plan, perChunk, assembly);
  }

  private static final TranscodeProgress IGNORE =
      new TranscodeProgress() {
        @Override
        public void percent(String rung, double percent) {}

        @Override
        public void rungReady(Rung rung, Path playlistDir) {}
      };

  /** The ffmpeg command that writes the source clip (a test pattern and a tone). */
  static List<String> sourceCommand(Path ffmpeg, Path output, int duration, int noise) {
    String video =
        "testsrc2=size=1920x1080:rate=30:duration="
            + duration
            + (noise == 0 ? "" : ",noise=alls=" + noise + ":allf=t");
    return List.of(
        ffmpeg.toString(),
        "-v",
        "error",
        "-nostdin",
        "-y",
        "-f",
        "lavfi",
        "-i",
        video,
        "-f",
        "lavfi",
        "-i",
        "sine=frequency=440:sample_rate=48000:duration=" + duration,
        "-c:v",
        "libx264",
        "-preset",
        "veryfast",
        "-profile:v",
        "high",
        "-pix_fmt",
        "yuv420p",
        "-crf",
        Integer.toString(SOURCE_CRF),
        "-g",
        Integer.toString(SOURCE_GOP_FRAMES),
        "-c:a",
        "aac",
        "-b:a",
        "128k",
        "-ac",
        "2",
        "-shortest",
        "-f",
        "mp4",
        output.toString());
  }

  private static void generateSource(
      FfmpegBinaries binaries, Path source, int duration, int noise, Duration timeout)
      throws IOException, InterruptedException {
    Path partial = source.resolveSibling(source.getFileName() + ".partial");
    Process process =
        new ProcessBuilder(sourceCommand(binaries.ffmpeg(), partial, duration, noise))
            .redirectErrorStream(true)
            .start();
    process.getOutputStream().close();
    byte[] log = process.getInputStream().readAllBytes();
    if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IOException("generating the source took longer than " + timeout);
    }
    if (process.exitValue() != 0) {
      throw new IOException(
          "ffmpeg could not generate the source: " + new String(log, StandardCharsets.UTF_8));
    }
    Files.move(partial, source);
  }

  private static String ffmpegVersion(FfmpegBinaries binaries) {
    try {
      Process process = new ProcessBuilder(binaries.ffmpeg().toString(), "-version").start();
      String first =
          new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
              .lines()
              .findFirst()
              .orElse("");
      process.waitFor(10, TimeUnit.SECONDS);
      return first;
    } catch (IOException e) {
      return "unknown: " + e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "unknown";
    }
  }

  private static Path fresh(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
    return Files.createDirectories(dir);
  }

  private static long size(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      long total = 0;
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        total += Files.size(file);
      }
      return total;
    }
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }
}
