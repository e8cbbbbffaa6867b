package dev.kinora.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Median, minimum and maximum of a handful of samples (no percentiles: runs are few). */
public record Summary(int count, double median, double min, double max) {

  public static Summary of(List<Double> samples) {
    if (samples.isEmpty()) {
      throw new IllegalArgumentException("no samples to summarise");
    }
    List<Double> sorted = new ArrayList<>(samples);
    Collections.sort(sorted);
    int n = sorted.size();
    double median =
        n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    return new Summary(n, median, sorted.get(0), sorted.get(n - 1));
  }
}
