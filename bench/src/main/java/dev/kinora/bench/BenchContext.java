package dev.kinora.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;

/**
 * What a benchmark gets from the harness: the repository root, its parsed options, where to print,
 * and a clock for naming result files (not for timing: timings use {@link System#nanoTime()}).
 */
public record BenchContext(Path root, BenchArgs args, PrintStream out, Clock clock) {

  /** {@code bench/results/} under the repository root. */
  public Path resultsDir() {
    return root.resolve("bench").resolve("results");
  }

  /** A scratch folder for one benchmark under {@code bench/target/}, wiped by {@code mvn clean}. */
  public Path workDir(String benchmark) {
    return root.resolve("bench").resolve("target").resolve(benchmark);
  }
}
