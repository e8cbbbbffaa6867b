package dev.kinora.bench.api;

import dev.kinora.bench.Machine;
import dev.kinora.bench.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One api bench run as it goes into {@code bench/results/api-*.json} and onto the screen. */
public record ApiResults(
    String benchmark,
    String startedAt,
    double durationSeconds,
    Machine machine,
    List<Double> loadAverageAfter,
    Settings settings,
    LocalCloudInfo localCloud,
    List<ScenarioResult> scenarios,
    Overhead overhead,
    List<String> notes) {

  /** How the load was made. */
  public record Settings(
      int requestsPerScenario,
      int warmupRequestsPerScenario,
      int concurrency,
      long durationCapSeconds,
      long requestTimeoutSeconds,
      int items,
      long seed,
      String loadClient,
      String sdkHttpClient,
      int httpMaxConnections) {}

  /** What was measured: where the local cloud ran and how its functions were loaded. */
  public record LocalCloudInfo(
      String template,
      String functionCode,
      String platformJar,
      long startupMillis,
      List<String> routes) {}

  /**
   * One scenario's measured phase: times in milliseconds (nearest-rank percentiles over every
   * completed request, failed ones included), throughput over the phase's wall-clock time.
   */
  public record ScenarioResult(
      String scenario,
      String target,
      int requested,
      int completed,
      int errors,
      Map<String, Integer> errorReasons,
      boolean capped,
      int warmupCompleted,
      int warmupErrors,
      double wallSeconds,
      double requestsPerSecond,
      double minMs,
      double meanMs,
      double p50Ms,
      double p95Ms,
      double p99Ms,
      double maxMs) {

    static ScenarioResult of(String scenario, String target, LoadGenerator.Measurement run) {
      LoadGenerator.Phase measured = run.measured();
      Latencies latencies = Latencies.of(measured.latenciesNanos());
      return new ScenarioResult(
          scenario,
          target,
          measured.requested(),
          measured.completed(),
          measured.errors(),
          measured.failures(),
          measured.capped(),
          run.warmup().completed(),
          run.warmup().errors(),
          round(measured.wallNanos() / 1e9, 3),
          round(measured.throughput(), 1),
          latencies.minMs(),
          latencies.meanMs(),
          latencies.p50Ms(),
          latencies.p95Ms(),
          latencies.p99Ms(),
          latencies.maxMs());
    }
  }

  /**
   * The cost of the route around a DynamoDB read: the routed scenario (HTTP → front door → event →
   * function → GetItem → response) against the same GetItem sent straight from the SDK.
   */
  public record Overhead(
      String routed,
      String direct,
      double p50DeltaMs,
      double p50Ratio,
      double p99DeltaMs,
      double p99Ratio) {

    static Overhead between(ScenarioResult routed, ScenarioResult direct) {
      return new Overhead(
          routed.scenario(),
          direct.scenario(),
          round(routed.p50Ms() - direct.p50Ms(), 3),
          ratio(routed.p50Ms(), direct.p50Ms()),
          round(routed.p99Ms() - direct.p99Ms(), 3),
          ratio(routed.p99Ms(), direct.p99Ms()));
    }

    /** The line under the table. */
    String line() {
      return String.format(
          Locale.ROOT,
          "routing overhead (%s vs %s): p50 %+.2f ms, %.2fx; p99 %+.2f ms, %.2fx",
          routed,
          direct,
          p50DeltaMs,
          p50Ratio,
          p99DeltaMs,
          p99Ratio);
    }

    private static double ratio(double a, double b) {
      return b == 0 ? 0 : round(a / b, 2);
    }
  }

  /** The table printed at the end of a run, then the overhead line. */
  public String table() {
    Table table =
        new Table(
            List.of(
                "scenario", "requests", "errors", "p50 ms", "p95 ms", "p99 ms", "max ms", "req/s"));
    for (ScenarioResult s : scenarios) {
      table.row(
          List.of(
              s.scenario(),
              s.capped() ? s.completed() + "/" + s.requested() : Integer.toString(s.completed()),
              Integer.toString(s.errors()),
              number(s.p50Ms(), 2),
              number(s.p95Ms(), 2),
              number(s.p99Ms(), 2),
              number(s.maxMs(), 2),
              number(s.requestsPerSecond(), 0)));
    }
    StringBuilder text = new StringBuilder(table.render());
    if (overhead != null) {
      text.append(overhead.line()).append('\n');
    }
    return text.toString();
  }

  /** Why a result needs a second look: errors, a time cap that cut a scenario short. */
  static List<String> notes(List<ScenarioResult> scenarios, long capSeconds) {
    List<String> notes = new ArrayList<>();
    for (ScenarioResult s : scenarios) {
      if (s.capped()) {
        notes.add(
            String.format(
                Locale.ROOT,
                "%s stopped at the %d s cap after %d of %d requests",
                s.scenario(),
                capSeconds,
                s.completed(),
                s.requested()));
      }
      if (s.errors() > 0) {
        notes.add(s.scenario() + " had " + s.errors() + " errors: " + s.errorReasons());
      }
      if (s.warmupErrors() > 0) {
        notes.add(s.scenario() + " had " + s.warmupErrors() + " errors during warm-up");
      }
    }
    return List.copyOf(notes);
  }

  static String number(double value, int decimals) {
    return String.format(Locale.ROOT, "%." + decimals + "f", value);
  }

  static double round(double value, int decimals) {
    double scale = Math.pow(10, decimals);
    return Math.round(value * scale) / scale;
  }
}
