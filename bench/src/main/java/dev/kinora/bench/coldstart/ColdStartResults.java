package dev.kinora.bench.coldstart;

import dev.kinora.bench.Machine;
import dev.kinora.bench.Summary;
import dev.kinora.bench.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One cold-start run as it goes into {@code bench/results/coldstart-*.json} and onto the screen.
 */
public record ColdStartResults(
    String benchmark,
    String startedAt,
    double durationSeconds,
    Machine machine,
    List<Double> loadAverageAfter,
    Settings settings,
    List<VariantResult> variants,
    List<Skipped> skipped,
    List<String> notes) {

  /** How the runs were made. */
  public record Settings(
      int runsPerVariant,
      int warmupRunsPerVariant,
      List<String> baseJvmFlags,
      long timeoutSeconds,
      String event,
      String order) {}

  /** A variant that was not measured, and why. */
  public record Skipped(String variant, String reason) {}

  /**
   * One measured variant. Times in milliseconds from process launch to the response line; peak RSS
   * is the median of the children's VmHWM.
   */
  public record VariantResult(
      String variant,
      String handler,
      String jar,
      long jarBytes,
      List<String> jvmFlags,
      Long archiveBytes,
      List<Double> runsMs,
      int failedRuns,
      Double medianMs,
      Double minMs,
      Double maxMs,
      Double peakRssMiB,
      Double ratioToPlain,
      String body) {

    /** Summarises raw runs; the ratio to plain is filled in by {@link #withRatioTo}. */
    static VariantResult of(
        Variant variant,
        FunctionJar function,
        List<String> jvmFlags,
        Long archiveBytes,
        List<Double> runsMs,
        List<Long> peakRssKb,
        int failedRuns,
        String body) {
      Double median = null;
      Double min = null;
      Double max = null;
      Double rss = null;
      if (!runsMs.isEmpty()) {
        Summary summary = Summary.of(runsMs);
        median = round1(summary.median());
        min = round1(summary.min());
        max = round1(summary.max());
      }
      List<Double> rssKb = new ArrayList<>();
      for (long kb : peakRssKb) {
        if (kb > 0) {
          rssKb.add((double) kb);
        }
      }
      if (!rssKb.isEmpty()) {
        rss = round1(Summary.of(rssKb).median() / 1024.0);
      }
      List<Double> rounded = new ArrayList<>();
      for (double ms : runsMs) {
        rounded.add(round1(ms));
      }
      return new VariantResult(
          variant.id(),
          function.handler(),
          function.displayPath(),
          function.jarBytes(),
          jvmFlags,
          archiveBytes,
          List.copyOf(rounded),
          failedRuns,
          median,
          min,
          max,
          rss,
          null,
          body);
    }

    VariantResult withRatioTo(Double plainMedianMs) {
      Double ratio =
          plainMedianMs == null || medianMs == null
              ? null
              : Math.round(medianMs / plainMedianMs * 100.0) / 100.0;
      return new VariantResult(
          variant,
          handler,
          jar,
          jarBytes,
          jvmFlags,
          archiveBytes,
          runsMs,
          failedRuns,
          medianMs,
          minMs,
          maxMs,
          peakRssMiB,
          ratio,
          body);
    }
  }

  /** Fills in every variant's ratio to the plain variant's median (none when plain is missing). */
  static List<VariantResult> withRatios(List<VariantResult> variants) {
    Double plain = null;
    for (VariantResult result : variants) {
      if (result.variant().equals(Variant.PLAIN.id())) {
        plain = result.medianMs();
      }
    }
    List<VariantResult> out = new ArrayList<>();
    for (VariantResult result : variants) {
      out.add(result.withRatioTo(plain));
    }
    return List.copyOf(out);
  }

  /** The table printed at the end of a run. */
  public String table() {
    Table table =
        new Table(
            List.of("variant", "median ms", "min", "max", "runs", "RSS MiB", "jar MiB", "x plain"));
    for (VariantResult v : variants) {
      int total = v.runsMs().size() + v.failedRuns();
      table.row(
          List.of(
              v.variant(),
              number(v.medianMs(), 0),
              number(v.minMs(), 0),
              number(v.maxMs(), 0),
              v.runsMs().size() + "/" + total,
              number(v.peakRssMiB(), 0),
              number(v.jarBytes() / 1024.0 / 1024.0, 1),
              v.ratioToPlain() == null ? "-" : number(v.ratioToPlain(), 2)));
    }
    StringBuilder text = new StringBuilder(table.render());
    for (Skipped skip : skipped) {
      text.append("skipped ")
          .append(skip.variant())
          .append(": ")
          .append(skip.reason())
          .append('\n');
    }
    return text.toString();
  }

  /** Every run of every variant, for the reader who distrusts medians. */
  public String samples() {
    StringBuilder text = new StringBuilder();
    for (VariantResult v : variants) {
      List<String> runs = new ArrayList<>();
      for (double ms : v.runsMs()) {
        runs.add(number(ms, 0));
      }
      text.append(String.format(Locale.ROOT, "  %-14s %s%n", v.variant(), String.join(" ", runs)));
    }
    return text.toString();
  }

  static String number(Double value, int decimals) {
    return value == null ? "-" : String.format(Locale.ROOT, "%." + decimals + "f", value);
  }

  private static double round1(double value) {
    return Math.round(value * 10.0) / 10.0;
  }
}
