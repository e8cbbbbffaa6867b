package dev.kinora.bench.api;

import dev.kinora.bench.BenchArgs;
import dev.kinora.bench.BenchContext;
import dev.kinora.bench.BenchOption;
import dev.kinora.bench.Benchmark;
import dev.kinora.bench.Machine;
import dev.kinora.bench.ResultsFile;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@code ./kinora bench api}: latency and throughput of the local cloud's HTTP API under bounded
 * load, on the health route and on a DynamoDB-backed read route, and the same GetItem sent straight
 * from the SDK to the same DynamoDB server as the baseline the routing overhead is measured
 * against.
 *
 * <p>Each scenario gets a discarded warm-up, then a fixed number of requests from a fixed number of
 * closed-loop workers, under a hard time cap. Everything goes to loopback addresses of a local
 * cloud this process starts and stops.
 */
public final class ApiBench implements Benchmark {

  static final int DEFAULT_REQUESTS = 5_000;
  static final int DEFAULT_CONCURRENCY = 16;
  static final int DEFAULT_CAP_SECONDS = 60;
  static final int DEFAULT_WARMUP = 300;
  static final int DEFAULT_ITEMS = 1_000;
  static final long SEED = 20_261_125L;
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
  static final String PLATFORM_JAR = "functions/platform/target/platform.jar";

  static final String MAX_CONNECTIONS = "http.maxConnections";
  static final String SIMPLE_LOGGER_LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";

  /** Held here so the level set on it is not lost when the logger is collected. */
  private static final Logger DYNAMODB_LITE_LOG = Logger.getLogger("dev.kinora.dynamodb");

  static final String HEALTH = "health";
  static final String ITEM_READ = "item-read";
  static final String SDK_GET_ITEM = "sdk-getitem";

  @Override
  public String name() {
    return "api";
  }

  @Override
  public String summary() {
    return "API latency under load: health and a DynamoDB read through the local cloud vs the SDK";
  }

  @Override
  public List<BenchOption> options() {
    return List.of(
        BenchOption.value(
            "requests", "n", "measured requests per scenario (default " + DEFAULT_REQUESTS + ")"),
        BenchOption.value(
            "concurrency", "n", "concurrent workers (default " + DEFAULT_CONCURRENCY + ")"),
        BenchOption.value(
            "duration-cap",
            "seconds",
            "time limit per scenario phase (default " + DEFAULT_CAP_SECONDS + ")"),
        BenchOption.value(
            "warmup",
            "n",
            "uncounted requests before each scenario (default " + DEFAULT_WARMUP + ")"),
        BenchOption.value(
            "items", "n", "items seeded and read at random (default " + DEFAULT_ITEMS + ")"));
  }

  /** The parsed options of one run. */
  record Settings(
      int requests, int concurrency, Duration cap, int warmup, int items, Path platformJar) {

    static Settings from(BenchArgs args, Path root) {
      return new Settings(
          args.integer("requests", DEFAULT_REQUESTS, 1, 1_000_000),
          args.integer("concurrency", DEFAULT_CONCURRENCY, 1, 256),
          Duration.ofSeconds(args.integer("duration-cap", DEFAULT_CAP_SECONDS, 1, 600)),
          args.integer("warmup", DEFAULT_WARMUP, 0, 100_000),
          args.integer("items", DEFAULT_ITEMS, 1, 100_000),
          root.resolve(PLATFORM_JAR));
    }

    LoadGenerator.Plan plan() {
      return new LoadGenerator.Plan(requests, concurrency, cap, warmup, SEED);
    }
  }

  @Override
  public int run(BenchContext context) throws Exception {
    Settings settings = Settings.from(context.args(), context.root());
    int keepAlive = keepAliveConnections(settings.concurrency());
    quietServiceLogs();
    PrintStream out = context.out();
    Instant startedAt = context.clock().instant();
    Machine machine = Machine.now();
    long started = System.nanoTime();
    Path work = context.workDir(name());

    out.printf(
        Locale.ROOT,
        "starting the local cloud (log: %s), seeding %d items%n",
        context.root().relativize(work.resolve("local-cloud.log")),
        settings.items());
    List<ApiResults.ScenarioResult> scenarios = new ArrayList<>();
    ApiResults.LocalCloudInfo info;
    try (BenchCloud cloud = BenchCloud.start(settings.platformJar(), work, settings.items());
        HttpClient http =
            HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        DynamoDbClient direct = ItemsTable.client(cloud.itemReadEnvironment())) {
      info =
          new ApiResults.LocalCloudInfo(
              context.root().relativize(cloud.template()).toString(),
              "JARS: each function from its CodeUri in its own class loader",
              PLATFORM_JAR,
              cloud.startupMillis(),
              cloud.routes());
      out.printf(Locale.ROOT, "local cloud up in %d ms%n", cloud.startupMillis());
      LoadGenerator load = new LoadGenerator(settings.plan());
      for (Scenario scenario : scenarios(cloud, http, direct, settings.items())) {
        out.printf(
            Locale.ROOT,
            "%-12s %d warm-up + %d requests, concurrency %d, cap %d s ... ",
            scenario.name(),
            settings.warmup(),
            settings.requests(),
            settings.concurrency(),
            settings.cap().toSeconds());
        out.flush();
        ApiResults.ScenarioResult result =
            ApiResults.ScenarioResult.of(
                scenario.name(), scenario.target(), load.measure(scenario.request()));
        out.printf(Locale.ROOT, "%.1f s%n", result.wallSeconds());
        scenarios.add(result);
      }
    }

    ApiResults results =
        new ApiResults(
            name(),
            startedAt.toString(),
            ApiResults.round((System.nanoTime() - started) / 1e9, 1),
            machine,
            Machine.currentLoadAverage(),
            new ApiResults.Settings(
                settings.requests(),
                settings.warmup(),
                settings.concurrency(),
                settings.cap().toSeconds(),
                REQUEST_TIMEOUT.toSeconds(),
                settings.items(),
                SEED,
                "java.net.http.HttpClient, HTTP/1.1 keep-alive, closed loop on virtual threads",
                "url-connection (UrlConnectionHttpClient), as the functions use",
                keepAlive),
            info,
            List.copyOf(scenarios),
            ApiResults.Overhead.between(
                named(scenarios, ITEM_READ), named(scenarios, SDK_GET_ITEM)),
            ApiResults.notes(scenarios, settings.cap().toSeconds()));

    out.println();
    out.print(results.table());
    for (String note : results.notes()) {
      out.println("note: " + note);
    }
    Path file = ResultsFile.write(context.resultsDir(), name(), startedAt, results);
    out.printf(
        Locale.ROOT,
        "load average before %s, after %s; %.0f s in all; results: %s%n",
        results.machine().loadAverageAtStart(),
        results.loadAverageAfter(),
        results.durationSeconds(),
        context.root().relativize(file));
    return scenarios.stream().anyMatch(s -> s.errors() > 0) ? 1 : 0;
  }

  private static ApiResults.ScenarioResult named(
      List<ApiResults.ScenarioResult> scenarios, String name) {
    return scenarios.stream()
        .filter(s -> s.scenario().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("scenario " + name + " did not run"));
  }

  /**
   * Lets the JDK keep as many idle keep-alive connections per host as there are workers, unless
   * {@code -Dhttp.maxConnections} says otherwise; returns the value in force. The default of 5
   * would make 11 of 16 concurrent SDK calls (the function's and the baseline's alike) open a new
   * connection every time; on Lambda an instance serves one request at a time and never meets that
   * limit. Read once by the JDK, so it is set before the first connection.
   */
  static int keepAliveConnections(int concurrency) {
    String set = System.getProperty(MAX_CONNECTIONS);
    if (set == null) {
      System.setProperty(MAX_CONNECTIONS, Integer.toString(Math.max(5, concurrency)));
    }
    try {
      return Integer.parseInt(System.getProperty(MAX_CONNECTIONS).trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** The embedded servers log start-up at INFO to stderr; the bench output is the table. */
  private static void quietServiceLogs() {
    if (System.getProperty(SIMPLE_LOGGER_LEVEL) == null) {
      System.setProperty(SIMPLE_LOGGER_LEVEL, "warn");
    }
    DYNAMODB_LITE_LOG.setLevel(Level.WARNING);
  }

  /** A named load: what it hits and how one request is sent. */
  record Scenario(String name, String target, LoadGenerator.Request request) {}

  /** (a) health through the front door, (b) the item read through it, (c) the same read direct. */
  static List<Scenario> scenarios(
      BenchCloud cloud, HttpClient http, DynamoDbClient direct, int items) {
    URI health = loopback(cloud.url(BenchCloud.HEALTH_PATH));
    HttpRequest healthRequest = HttpRequest.newBuilder(health).timeout(REQUEST_TIMEOUT).build();
    String itemsUrl = loopback(cloud.url(BenchCloud.ITEMS_PATH)).toString();
    loopback(cloud.dynamoDbEndpoint());
    String table = cloud.table();
    return List.of(
        new Scenario(
            HEALTH,
            "GET " + health + " (PlatformFunction)",
            random ->
                LoadGenerator.Outcome.ofStatus(
                    http.send(healthRequest, HttpResponse.BodyHandlers.discarding()).statusCode())),
        new Scenario(
            ITEM_READ,
            "GET " + itemsUrl + "{id} (ItemReadFunction: one GetItem)",
            random -> {
              URI item = URI.create(itemsUrl + ItemsTable.id(random.nextInt(items)));
              HttpRequest request = HttpRequest.newBuilder(item).timeout(REQUEST_TIMEOUT).build();
              return LoadGenerator.Outcome.ofStatus(
                  http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
            }),
        new Scenario(
            SDK_GET_ITEM,
            "GetItem on " + cloud.dynamoDbEndpoint() + " straight from the SDK",
            random -> {
              String id = ItemsTable.id(random.nextInt(items));
              return direct.getItem(ItemsTable.getItem(table, id)).item().isEmpty()
                  ? LoadGenerator.Outcome.failed("item missing")
                  : LoadGenerator.Outcome.OK;
            }));
  }

  /** Load goes to this machine only: refuses any URL whose host is not a loopback address. */
  static URI loopback(URI url) {
    try {
      if (url.getHost() != null && InetAddress.getByName(url.getHost()).isLoopbackAddress()) {
        return url;
      }
    } catch (UnknownHostException e) {
      throw new IllegalStateException("cannot resolve " + url.getHost(), e);
    }
    throw new IllegalStateException("refusing to load " + url + ": not a loopback address");
  }
}
