package dev.kinora.bench.soak;

import dev.kinora.bench.BenchContext;
import dev.kinora.bench.BenchOption;
import dev.kinora.bench.Benchmark;
import dev.kinora.bench.Machine;
import dev.kinora.bench.ResultsFile;
import dev.kinora.bench.Table;
import dev.kinora.bench.api.Latencies;
import dev.kinora.local.LocalCloud;
import dev.kinora.local.runtime.FunctionCode;
import dev.kinora.local.testing.Uploader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * {@code ./kinora bench soak}: a bounded run of simulated people against a fresh local cloud over
 * the real HTTP front door. {@code --users} (20) signed-up viewers do journeys (home, trending,
 * search and suggestions, open a video, its comments and Up next, watch with progress PUTs, record
 * a view, like/unlike, comment) while {@code --uploaders} (3) creators upload small ffmpeg clips
 * (multipart through presigned URLs) and wait for each transcode, for {@code --seconds} (90). Every
 * person has its own loopback address (127.0.x.y), so the per-IP sign-up limit sees distinct
 * clients. Prints p50/p99/max and the count per route, every non-2xx answer by route and status,
 * and afterwards checks each touched video's likeCount, commentCount and viewCount against the
 * actions the API acknowledged, and that every upload ended ready. Exit 1 on any error or mismatch.
 */
public final class SoakBench implements Benchmark {
  static final int DEFAULT_SECONDS = 90;
  static final int DEFAULT_USERS = 20;
  static final int DEFAULT_UPLOADERS = 3;
  static final String SIMPLE_LOGGER_LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";

  /** Held here so the level set on it is not lost when the logger is collected. */
  private static final Logger DYNAMODB_LITE_LOG = Logger.getLogger("dev.kinora.dynamodb");

  static {
    if (System.getProperty(SIMPLE_LOGGER_LEVEL) == null) {
      System.setProperty(SIMPLE_LOGGER_LEVEL, "warn");
    }
    DYNAMODB_LITE_LOG.setLevel(Level.WARNING);
  }

  @Override
  public String name() {
    return "soak";
  }

  @Override
  public String summary() {
    return "soak: 20 users' journeys + 3 uploads/transcodes over the front door; p50/p99 per"
        + " route, errors, counters verified";
  }

  @Override
  public List<BenchOption> options() {
    return List.of(
        BenchOption.value(
            "seconds", "n", "measured duration (default " + DEFAULT_SECONDS + ", 5-3600)"),
        BenchOption.value("users", "n", "simulated viewers (default " + DEFAULT_USERS + ")"),
        BenchOption.value(
            "uploaders", "n", "concurrent creators uploading (default " + DEFAULT_UPLOADERS + ")"),
        BenchOption.value("seed", "n", "random seed of the journeys (default 42)"));
  }

  /** What one run measured (the JSON under bench/results/). */
  record Results(
      String benchmark,
      String startedAt,
      Machine machine,
      int seconds,
      int users,
      int uploaders,
      long requests,
      long errors,
      Map<String, Long> errorsByRouteAndStatus,
      List<SoakRecorder.RouteLatency> routes,
      Soak.Outcome outcome,
      List<Double> loadAverageAtEnd) {}

  @Override
  public int run(BenchContext context) throws Exception {
    int seconds = context.args().integer("seconds", DEFAULT_SECONDS, 5, 3600);
    int users = context.args().integer("users", DEFAULT_USERS, 1, 200);
    int uploaders = context.args().integer("uploaders", DEFAULT_UPLOADERS, 0, 20);
    int seed = context.args().integer("seed", 42, 0, Integer.MAX_VALUE);
    PrintStream out = context.out();
    Instant startedAt = context.clock().instant();
    Machine machine = Machine.now();
    Path work = context.workDir(name());
    Files.createDirectories(work);
    Path clip =
        Uploader.clip(
            Uploader.layerFfmpeg(context.root()), work.resolve("clip-3s.mp4"), 3, 480, 270);
    Path log = work.resolve("local-cloud.log");
    out.printf(
        Locale.ROOT,
        "starting a fresh local cloud (log: %s, function logs: %s)%n",
        log,
        work.resolve("state/logs"));
    SoakRecorder recorder = new SoakRecorder();
    Soak.Outcome outcome;
    try (PrintStream logs =
            new PrintStream(Files.newOutputStream(log), true, StandardCharsets.UTF_8);
        LocalCloud cloud =
            LocalCloud.builder()
                .root(context.root())
                .stateDir(freshState(work.resolve("state")))
                .port(0)
                .functionCode(FunctionCode.JARS)
                .logs(logs)
                .start()) {
      out.printf(
          Locale.ROOT,
          "cloud up at %s in %d ms; %d users, %d uploaders, %d s%n",
          cloud.frontDoorUrl(),
          cloud.startupMillis(),
          users,
          uploaders,
          seconds);
      Soak soak =
          new Soak(
              cloud,
              recorder,
              Files.readAllBytes(clip),
              users,
              uploaders,
              Duration.ofSeconds(seconds),
              seed,
              out);
      outcome = soak.run();
    }
    out.println();
    out.print(latencyTable(recorder.latencies()));
    out.println();
    Map<String, Long> errors = recorder.errors();
    out.printf(
        Locale.ROOT,
        "requests %d, errors (non-2xx) %d%s%n",
        recorder.requests(),
        recorder.errorCount(),
        errors.isEmpty() ? "" : ": " + errors);
    out.printf(
        Locale.ROOT,
        "uploads: %d started, %d ready, %d failed, %d not finished%n",
        outcome.uploadsStarted(),
        outcome.uploadsReady(),
        outcome.uploadsFailed(),
        outcome.uploadsUnfinished());
    out.printf(
        Locale.ROOT,
        "counters: %d videos checked (likes %d, comments %d, views %d acknowledged), %d"
            + " mismatches%s%n",
        outcome.videosChecked(),
        outcome.likes(),
        outcome.comments(),
        outcome.views(),
        outcome.mismatches().size(),
        outcome.mismatches().isEmpty() ? "" : ": " + outcome.mismatches());
    out.printf(
        Locale.ROOT,
        "load average: start %s, end %s on %d cores%n",
        machine.loadAverageAtStart(),
        Machine.currentLoadAverage(),
        machine.cores());
    Path file =
        ResultsFile.write(
            context.resultsDir(),
            name(),
            startedAt,
            new Results(
                name(),
                startedAt.toString(),
                machine,
                seconds,
                users,
                uploaders,
                recorder.requests(),
                recorder.errorCount(),
                errors,
                recorder.latencies(),
                outcome,
                Machine.currentLoadAverage()));
    out.println("results: " + context.root().relativize(file));
    boolean clean =
        recorder.errorCount() == 0
            && outcome.mismatches().isEmpty()
            && outcome.uploadsUnfinished() == 0
            && outcome.uploadsFailed() == 0;
    return clean ? 0 : 1;
  }

  /**
   * A fresh state folder: the cloud starts empty, and with state on disk each function's log lines
   * go to {@code state/logs/<Function>.log} instead of this terminal.
   */
  private static Path freshState(Path state) throws IOException {
    if (Files.exists(state)) {
      try (Stream<Path> files = Files.walk(state)) {
        for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(file);
        }
      }
    }
    return Files.createDirectories(state);
  }

  static String latencyTable(List<SoakRecorder.RouteLatency> routes) {
    Table table = new Table(List.of("route", "count", "p50 ms", "p99 ms", "max ms"));
    for (SoakRecorder.RouteLatency route : routes) {
      Latencies l = route.latencies();
      table.row(
          List.of(
              route.route(),
              String.valueOf(l.count()),
              format(l.p50Ms()),
              format(l.p99Ms()),
              format(l.maxMs())));
    }
    return table.render();
  }

  private static String format(double ms) {
    return String.format(Locale.ROOT, "%.1f", ms);
  }
}
