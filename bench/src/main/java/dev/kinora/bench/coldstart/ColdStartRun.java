package dev.kinora.bench.coldstart;

import dev.kinora.bench.BenchContext;
import dev.kinora.bench.Machine;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The state of one {@code ./kinora bench coldstart}, step by step: {@link #prepare} (build, check,
 * copy jars), {@link #train} (write archives), {@link #warmUp}, {@link #measure}, {@link #results}.
 * A variant that cannot go on is moved to the skipped list with its reason and the others continue.
 */
final class ColdStartRun {

  private final BenchContext context;
  private final ColdStartBench.Settings settings;
  private final PrintStream out;
  private final Instant startedAt;
  private final long startedNanos = System.nanoTime();
  private final Machine machine = Machine.now();
  private final Path work;
  private final Path logs;

  private final List<Variant> active = new ArrayList<>();
  private final Map<Variant, String> skipped = new LinkedHashMap<>();
  private final Map<Variant.Style, FunctionJar> copies = new EnumMap<>(Variant.Style.class);
  private final Map<Variant, Path> archives = new LinkedHashMap<>();
  private final Map<Variant, List<Double>> times = new LinkedHashMap<>();
  private final Map<Variant, List<Long>> peakRssKb = new LinkedHashMap<>();
  private final Map<Variant, Integer> failedRuns = new LinkedHashMap<>();
  private final Map<Variant, String> bodies = new LinkedHashMap<>();
  private boolean failed;
  private Path runner;
  private Path event;

  ColdStartRun(BenchContext context, ColdStartBench.Settings settings) {
    this.context = context;
    this.settings = settings;
    this.out = context.out();
    this.startedAt = context.clock().instant();
    this.work = context.workDir("coldstart");
    this.logs = work.resolve("logs");
  }

  Instant startedAt() {
    return startedAt;
  }

  /** Whether anything the person asked for could not be measured (missing JDK features aside). */
  boolean failed() {
    return failed;
  }

  /** Builds the Spring jar, drops variants that cannot run here, snapshots the function jars. */
  void prepare() throws IOException, InterruptedException {
    Files.createDirectories(logs);
    if (settings.build() && settings.wantsSpring()) {
      out.println(
          "building bench/spring-health (./mvnw -Pbench-spring -pl bench/spring-health package)");
      String problem = SpringHealthBuild.run(context.root());
      if (problem != null) {
        for (Variant variant : settings.variants()) {
          if (variant.style() == Variant.Style.SPRING) {
            skip(variant, problem, true);
          }
        }
      }
    }
    boolean aotSupported = ColdStartBench.supportsAotCache(settings.java());
    for (Variant variant : settings.variants()) {
      FunctionJar function = settings.function(variant);
      if (skipped.containsKey(variant)) {
        continue;
      }
      if (!function.exists()) {
        skip(
            variant,
            function.displayPath() + " not found (build it: ./mvnw package -DskipTests)",
            true);
      } else if (variant.archive() == Variant.Archive.AOT && !aotSupported) {
        skip(variant, settings.java() + " has no -XX:AOTCacheOutput (JDK 25+ needed)", false);
      } else {
        active.add(variant);
      }
    }
    // Measure copies: a jar rebuilt while the bench runs would otherwise mix two builds (and
    // invalidate the archives, which check the jar's size and timestamp).
    for (Variant variant : active) {
      if (!copies.containsKey(variant.style())) {
        copies.put(variant.style(), settings.function(variant).copyInto(work.resolve("jars")));
      }
    }
    runner = RunnerJar.write(work);
    event = HealthEvent.locate(context.root(), settings.event(), work);
    out.printf(
        Locale.ROOT,
        "cold start: %d runs per variant, fresh JVM each (%s), event %s, %d cores, load %s%n",
        settings.runs(),
        String.join(" ", Variant.BASE_FLAGS),
        display(event),
        machine.cores(),
        machine.loadAverageAtStart());
  }

  /** One training run per archived variant; a variant whose archive did not appear is dropped. */
  void train() throws IOException, InterruptedException {
    Duration timeout = settings.timeout().multipliedBy(3).plusMinutes(2);
    for (Variant variant : List.copyOf(active)) {
      if (variant.archive() == Variant.Archive.NONE) {
        continue;
      }
      Path archive = work.resolve(variant.archiveFileName());
      Files.deleteIfExists(archive);
      out.printf("training %s (writes %s)%n", variant.id(), display(archive));
      try {
        ChildJvm.run(
            command(variant, variant.trainingFlags(archive.toString())),
            logs.resolve(variant.id() + "-training.err"),
            timeout);
      } catch (ChildJvm.ChildFailure e) {
        skip(variant, "training run failed: " + e.getMessage(), true);
        continue;
      }
      if (Files.isRegularFile(archive)) {
        archives.put(variant, archive);
      } else {
        skip(variant, "the training run wrote no " + archive.getFileName(), true);
      }
    }
  }

  /** One discarded run per variant, so the page cache holds every jar and archive. */
  void warmUp() throws IOException, InterruptedException {
    for (Variant variant : List.copyOf(active)) {
      try {
        for (int i = 0; i < ColdStartBench.WARMUP_RUNS; i++) {
          ChildJvm.Outcome warm =
              ChildJvm.run(
                  measuredCommand(variant),
                  logs.resolve(variant.id() + "-warmup.err"),
                  settings.timeout());
          bodies.put(variant, warm.body());
        }
      } catch (ChildJvm.ChildFailure e) {
        skip(variant, "warm-up run failed: " + e.getMessage(), true);
      }
    }
  }

  /** {@code runs} rounds; each starts every variant once, in the same order. */
  void measure() throws IOException, InterruptedException {
    for (Variant variant : active) {
      times.put(variant, new ArrayList<>());
      peakRssKb.put(variant, new ArrayList<>());
      failedRuns.put(variant, 0);
    }
    for (int round = 1; round <= settings.runs(); round++) {
      StringBuilder line =
          new StringBuilder(String.format(Locale.ROOT, "round %d/%d:", round, settings.runs()));
      for (Variant variant : active) {
        try {
          ChildJvm.Outcome outcome =
              ChildJvm.run(
                  measuredCommand(variant),
                  logs.resolve(variant.id() + "-run" + round + ".err"),
                  settings.timeout());
          times.get(variant).add(outcome.millisToResponse());
          peakRssKb.get(variant).add(outcome.peakRssKb());
          line.append(
              String.format(Locale.ROOT, " %s %.0f ms", variant.id(), outcome.millisToResponse()));
        } catch (ChildJvm.ChildFailure e) {
          failed = true;
          failedRuns.merge(variant, 1, Integer::sum);
          line.append(' ').append(variant.id()).append(" FAILED");
          out.println("  " + variant.id() + " run " + round + " failed: " + e.getMessage());
        }
      }
      out.println(line);
    }
  }

  ColdStartResults results() throws IOException {
    List<ColdStartResults.VariantResult> measured = new ArrayList<>();
    for (Variant variant : active) {
      Path archive = archives.get(variant);
      measured.add(
          ColdStartResults.VariantResult.of(
              variant,
              settings.function(variant),
              variant.measuredFlags(archive == null ? "" : display(archive)),
              archive == null ? null : Files.size(archive),
              times.get(variant),
              peakRssKb.get(variant),
              failedRuns.get(variant),
              bodies.get(variant)));
    }
    List<ColdStartResults.Skipped> skips = new ArrayList<>();
    for (Map.Entry<Variant, String> skip : skipped.entrySet()) {
      skips.add(new ColdStartResults.Skipped(skip.getKey().id(), skip.getValue()));
    }
    return new ColdStartResults(
        "coldstart",
        startedAt.toString(),
        Math.round((System.nanoTime() - startedNanos) / 1e8) / 10.0,
        machine,
        Machine.currentLoadAverage(),
        new ColdStartResults.Settings(
            settings.runs(),
            ColdStartBench.WARMUP_RUNS,
            Variant.BASE_FLAGS,
            settings.timeout().toSeconds(),
            display(event),
            "round-robin: each round runs every variant once"),
        ColdStartResults.withRatios(measured),
        List.copyOf(skips),
        ColdStartBench.notes(bodies));
  }

  private void skip(Variant variant, String reason, boolean isFailure) {
    skipped.put(variant, reason);
    active.remove(variant);
    failed |= isFailure;
  }

  private List<String> measuredCommand(Variant variant) throws IOException {
    Path archive = archives.get(variant);
    return command(variant, variant.measuredFlags(archive == null ? "" : archive.toString()));
  }

  private List<String> command(Variant variant, List<String> jvmFlags) throws IOException {
    FunctionJar function = copies.get(variant.style());
    return ColdStartBench.command(
        settings.java(), variant, function, jvmFlags, runner, event, function.bundlesLambdaCore());
  }

  private String display(Path path) {
    return path.startsWith(context.root())
        ? context.root().relativize(path).toString()
        : path.toString();
  }
}
