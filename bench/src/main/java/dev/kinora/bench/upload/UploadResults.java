package dev.kinora.bench.upload;

import dev.kinora.bench.Machine;
import dev.kinora.bench.Table;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** One {@code ./kinora bench upload} run, as printed and as written to {@code bench/results/}. */
record UploadResults(
    String benchmark,
    String startedAt,
    double durationSeconds,
    Machine machine,
    List<Double> loadAverageAfter,
    Settings settings,
    LocalCloudInfo localCloud,
    List<Round> rounds,
    Summary summary,
    List<String> notes) {

  static final double TARGET_RATIO = 0.85;
  static final double MIB = 1024.0 * 1024.0;

  /** What was uploaded, and how. */
  record Settings(
      long bytes,
      long chunkSizeBytes,
      int parts,
      int parallelParts,
      int rounds,
      String s3Store,
      String transport,
      String direct) {}

  record LocalCloudInfo(String template, List<String> functions, long startupMillis) {}

  /** The real flow, phase by phase (milliseconds). */
  record Multipart(
      double initMs,
      double presignMs,
      int presignCalls,
      double partsMs,
      double completeMs,
      double totalMs,
      double mibPerSecond,
      double partsMibPerSecond,
      double partMedianMs,
      double partMaxMs) {

    static Multipart of(
        long bytes,
        long initNanos,
        long presignNanos,
        int presignCalls,
        long partsNanos,
        long completeNanos,
        List<PartUploader.PartTime> parts) {
      long total = initNanos + presignNanos + partsNanos + completeNanos;
      long[] sorted = parts.stream().mapToLong(PartUploader.PartTime::nanos).sorted().toArray();
      return new Multipart(
          ms(initNanos),
          ms(presignNanos),
          presignCalls,
          ms(partsNanos),
          ms(completeNanos),
          ms(total),
          throughput(bytes, total),
          throughput(bytes, partsNanos),
          sorted.length == 0 ? 0 : ms(sorted[(sorted.length - 1) / 2]),
          sorted.length == 0 ? 0 : ms(sorted[sorted.length - 1]));
    }
  }

  /** One PUT of the whole file to a presigned PutObject URL of the same S3 server. */
  record Direct(double putMs, double mibPerSecond) {
    static Direct of(long bytes, long nanos) {
      return new Direct(ms(nanos), throughput(bytes, nanos));
    }
  }

  /**
   * @param ratio multipart MiB/s end to end (init to complete) ÷ direct MiB/s
   * @param partsOnlyRatio the same with only the parts phase of the multipart flow
   */
  record Round(
      int round,
      String first,
      Multipart multipart,
      Direct direct,
      double ratio,
      double partsOnlyRatio) {
    static Round of(int round, String first, Multipart multipart, Direct direct) {
      return new Round(
          round,
          first,
          multipart,
          direct,
          round3(multipart.mibPerSecond() / direct.mibPerSecond()),
          round3(multipart.partsMibPerSecond() / direct.mibPerSecond()));
    }
  }

  record Summary(
      double medianRatio, double medianPartsOnlyRatio, double targetRatio, boolean meetsTarget) {
    static Summary of(List<Round> rounds) {
      double ratio = median(rounds.stream().mapToDouble(Round::ratio).toArray());
      double partsOnly = median(rounds.stream().mapToDouble(Round::partsOnlyRatio).toArray());
      return new Summary(ratio, partsOnly, TARGET_RATIO, ratio >= TARGET_RATIO);
    }
  }

  String table() {
    Table table =
        new Table(
            List.of(
                "round",
                "flow",
                "total ms",
                "MiB/s",
                "init ms",
                "presign ms",
                "parts ms",
                "complete ms",
                "part p50/max ms"));
    for (Round round : rounds) {
      Multipart m = round.multipart();
      table.row(
          List.of(
              Integer.toString(round.round()),
              "multipart x" + settings.parallelParts(),
              fixed(m.totalMs(), 0),
              fixed(m.mibPerSecond(), 1),
              fixed(m.initMs(), 0),
              fixed(m.presignMs(), 0) + " (" + m.presignCalls() + ")",
              fixed(m.partsMs(), 0),
              fixed(m.completeMs(), 0),
              fixed(m.partMedianMs(), 0) + "/" + fixed(m.partMaxMs(), 0)));
      table.row(
          List.of(
              Integer.toString(round.round()),
              "direct PUT",
              fixed(round.direct().putMs(), 0),
              fixed(round.direct().mibPerSecond(), 1),
              "-",
              "-",
              "-",
              "-",
              "-"));
    }
    return table.render()
        + String.format(
            Locale.ROOT,
            "ratio multipart/direct (median of %d): %.2f end to end, %.2f parts only; target ≥ %.2f:"
                + " %s%n",
            rounds.size(),
            summary.medianRatio(),
            summary.medianPartsOnlyRatio(),
            summary.targetRatio(),
            summary.meetsTarget() ? "met" : "NOT met");
  }

  /** Observations worth a line under the table. */
  static List<String> notes(List<Round> rounds) {
    List<String> notes = new ArrayList<>();
    for (Round round : rounds) {
      Multipart m = round.multipart();
      double overhead = m.initMs() + m.presignMs() + m.completeMs();
      if (overhead > 0.15 * m.totalMs()) {
        notes.add(
            String.format(
                Locale.ROOT,
                "round %d: init + presign + complete took %.0f ms, %.0f%% of the multipart total",
                round.round(),
                overhead,
                100 * overhead / m.totalMs()));
      }
    }
    return List.copyOf(notes);
  }

  static double ms(long nanos) {
    return Math.round(nanos / 1e4) / 100.0;
  }

  static double throughput(long bytes, long nanos) {
    return nanos <= 0 ? 0 : Math.round(bytes / MIB / (nanos / 1e9) * 100) / 100.0;
  }

  static double median(double[] values) {
    if (values.length == 0) {
      return 0;
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int middle = sorted.length / 2;
    return round3(
        sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2);
  }

  private static double round3(double value) {
    return Math.round(value * 1000) / 1000.0;
  }

  private static String fixed(double value, int decimals) {
    return String.format(Locale.ROOT, "%." + decimals + "f", value);
  }
}
