package dev.kinora.bench.coldstart;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.kinora.bench.BenchArgs;
import dev.kinora.bench.BenchContext;
import dev.kinora.bench.BenchOption;
import dev.kinora.bench.Benchmark;
import dev.kinora.bench.ResultsFile;
import dev.kinora.bench.coldstart.child.ColdStartChild;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./kinora bench coldstart}: how long a fresh JVM takes from launch to the health endpoint's
 * first answer, for the plain handler and its Spring Cloud Function twin, each with no archive, an
 * AppCDS archive and a JDK 25 AOT cache.
 *
 * <p>Order of work: build the Spring jar, one training run per archived variant, one discarded
 * warm-up run per variant (page cache), then {@code --runs} rounds that run every variant once each
 * in turn, so a burst of load from elsewhere spreads over all variants instead of landing on one.
 */
public final class ColdStartBench implements Benchmark {

  static final int DEFAULT_RUNS = 7;
  static final int MIN_RUNS = 5;
  static final int WARMUP_RUNS = 1;
  static final String PLAIN_JAR = "functions/platform/target/platform.jar";
  static final String PLAIN_HANDLER = "dev.kinora.platform.PlatformApi";
  static final String SPRING_JAR = "bench/spring-health/target/spring-health.jar";
  static final String SPRING_HANDLER =
      "org.springframework.cloud.function.adapter.aws.FunctionInvoker";

  @Override
  public String name() {
    return "coldstart";
  }

  @Override
  public String summary() {
    return "JVM launch to first health response: plain vs Spring Cloud Function, AppCDS, AOT cache";
  }

  @Override
  public List<BenchOption> options() {
    return List.of(
        BenchOption.value("runs", "n", "measured runs per variant (default 7, at least 5)"),
        BenchOption.value(
            "variants",
            "a,b",
            "subset of plain,plain-appcds,plain-aot,spring,spring-appcds,spring-aot"),
        BenchOption.value("timeout", "seconds", "limit for each measured JVM (default 120)"),
        BenchOption.flag("no-build", "use the Spring jar as it is instead of building it"),
        BenchOption.value("plain-jar", "path", "plain function jar (default " + PLAIN_JAR + ")"),
        BenchOption.value("plain-handler", "class", "its handler (default " + PLAIN_HANDLER + ")"),
        BenchOption.value("spring-jar", "path", "Spring function jar (default " + SPRING_JAR + ")"),
        BenchOption.value("event", "path", "event JSON (default events/platform-health.json)"),
        BenchOption.value("java", "path", "java launcher for the children (default: this JVM's)"));
  }

  /** The parsed options of one run. */
  record Settings(
      int runs,
      List<Variant> variants,
      Duration timeout,
      boolean build,
      FunctionJar plain,
      FunctionJar spring,
      Path event,
      Path java) {

    static Settings from(BenchArgs args, Path root) {
      List<Variant> variants = new ArrayList<>();
      List<String> all = new ArrayList<>();
      for (Variant variant : Variant.values()) {
        all.add(variant.id());
      }
      for (String id : args.list("variants", all)) {
        Variant variant = Variant.byId(id);
        if (!variants.contains(variant)) {
          variants.add(variant);
        }
      }
      Path defaultJava = Path.of(System.getProperty("java.home"), "bin", "java");
      return new Settings(
          args.integer("runs", DEFAULT_RUNS, MIN_RUNS, 100),
          List.copyOf(variants),
          Duration.ofSeconds(args.integer("timeout", 120, 5, 600)),
          !args.flag("no-build"),
          new FunctionJar(
              root.resolve(args.string("plain-jar", PLAIN_JAR)).normalize(),
              args.string("plain-handler", PLAIN_HANDLER),
              root),
          new FunctionJar(
              root.resolve(args.string("spring-jar", SPRING_JAR)).normalize(),
              SPRING_HANDLER,
              root),
          args.string("event").map(p -> root.resolve(p).normalize()).orElse(null),
          args.string("java").map(Path::of).orElse(defaultJava));
    }

    FunctionJar function(Variant variant) {
      return variant.style() == Variant.Style.PLAIN ? plain : spring;
    }

    boolean wantsSpring() {
      for (Variant variant : variants) {
        if (variant.style() == Variant.Style.SPRING) {
          return true;
        }
      }
      return false;
    }
  }

  @Override
  public int run(BenchContext context) throws Exception {
    Settings settings = Settings.from(context.args(), context.root());
    ColdStartRun run = new ColdStartRun(context, settings);
    run.prepare();
    run.train();
    run.warmUp();
    run.measure();
    ColdStartResults results = run.results();

    PrintStream out = context.out();
    out.println();
    out.print(results.table());
    out.println("runs (ms):");
    out.print(results.samples());
    for (String note : results.notes()) {
      out.println("note: " + note);
    }
    Path file = ResultsFile.write(context.resultsDir(), name(), run.startedAt(), results);
    out.printf(
        Locale.ROOT,
        "load average before %s, after %s; %.0f s in all; results: %s%n",
        results.machine().loadAverageAtStart(),
        results.loadAverageAfter(),
        results.durationSeconds(),
        context.root().relativize(file));
    return run.failed() ? 1 : 0;
  }

  /** Flags the measurement if the two handler styles did not give the same answer. */
  static List<String> notes(Map<Variant, String> bodies) {
    String plain = null;
    String spring = null;
    for (Map.Entry<Variant, String> body : bodies.entrySet()) {
      if (body.getKey().style() == Variant.Style.PLAIN && plain == null) {
        plain = body.getValue();
      } else if (body.getKey().style() == Variant.Style.SPRING && spring == null) {
        spring = body.getValue();
      }
    }
    if (plain != null && spring != null && !sameShape(plain, spring)) {
      return List.of(
          "the plain and Spring handlers answered different bodies (plain: "
              + plain
              + ", spring: "
              + spring
              + "); keep bench/spring-health in step with the platform function");
    }
    return List.of();
  }

  /** Equal bodies once the values that differ between any two calls (time, version) are masked. */
  static boolean sameShape(String a, String b) {
    return mask(a).equals(mask(b));
  }

  private static String mask(String body) {
    return body.replaceAll("\"(time|version)\":\"[^\"]*\"", "\"$1\":\"...\"");
  }

  /** The child's command line: JVM flags, class path of runner + function jar (+ Lambda core). */
  static List<String> command(
      Path java,
      Variant variant,
      FunctionJar function,
      List<String> jvmFlags,
      Path runner,
      Path event,
      boolean jarHasLambdaCore) {
    String classPath = runner + File.pathSeparator + function.jar();
    if (!jarHasLambdaCore) {
      classPath += File.pathSeparator + lambdaCoreJar();
    }
    List<String> command = new ArrayList<>();
    command.add(java.toString());
    command.addAll(jvmFlags);
    command.add("-cp");
    command.add(classPath);
    command.add(ColdStartChild.class.getName());
    command.add(variant.style() == Variant.Style.PLAIN ? "plain" : "spring");
    command.add(function.handler());
    command.add(event.toString());
    return List.copyOf(command);
  }

  private static Path lambdaCoreJar() {
    try {
      return Path.of(
          RequestHandler.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot locate aws-lambda-java-core", e);
    }
  }

  /** Whether the children's JVM knows JDK 25's AOT cache flags. */
  static boolean supportsAotCache(Path java) throws IOException, InterruptedException {
    Process flags =
        new ProcessBuilder(java.toString(), "-XX:+PrintFlagsFinal", "-version")
            .redirectErrorStream(true)
            .start();
    String printed = new String(flags.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!flags.waitFor(1, TimeUnit.MINUTES)) {
      flags.destroyForcibly();
      return false;
    }
    return printed.contains(" AOTCacheOutput ");
  }
}
