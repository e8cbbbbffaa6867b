package dev.kinora.bench.api;

import java.util.Arrays;

/**
 * The latency distribution of one measured phase, read from every request's time in nanoseconds.
 * Percentiles are nearest-rank: the p-th percentile is the smallest recorded time that at least p %
 * of the requests did not exceed, so it is always a time some request really took.
 */
public record Latencies(
    int count,
    double minMs,
    double meanMs,
    double p50Ms,
    double p95Ms,
    double p99Ms,
    double maxMs) {

  private static final double NANOS_PER_MS = 1_000_000.0;

  /** Summarises {@code nanos} (not modified); all zero when there is nothing to summarise. */
  public static Latencies of(long[] nanos) {
    if (nanos.length == 0) {
      return new Latencies(0, 0, 0, 0, 0, 0, 0);
    }
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    double sum = 0;
    for (long n : sorted) {
      sum += n;
    }
    return new Latencies(
        sorted.length,
        ms(sorted[0]),
        round(sum / sorted.length / NANOS_PER_MS),
        ms(nearestRank(sorted, 50)),
        ms(nearestRank(sorted, 95)),
        ms(nearestRank(sorted, 99)),
        ms(sorted[sorted.length - 1]));
  }

  /** The nearest-rank {@code percent}-th percentile of {@code sorted} (ascending, not empty). */
  static long nearestRank(long[] sorted, double percent) {
    if (sorted.length == 0 || percent <= 0 || percent > 100) {
      throw new IllegalArgumentException(
          "percentile " + percent + " of " + sorted.length + " samples");
    }
    int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
    return sorted[Math.max(rank, 1) - 1];
  }

  private static double ms(long nanos) {
    return round(nanos / NANOS_PER_MS);
  }

  /** Microsecond precision: finer is noise on a shared machine. */
  private static double round(double ms) {
    return Math.round(ms * 1000.0) / 1000.0;
  }
}
