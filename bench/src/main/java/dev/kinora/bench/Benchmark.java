package dev.kinora.bench;

import java.util.List;

/**
 * One {@code ./kinora bench <name>} benchmark. Adding a benchmark means implementing this and
 * listing it in {@link Main#BENCHMARKS}; argument parsing, help text and the results folder come
 * from the harness.
 */
public interface Benchmark {

  /** The word after {@code ./kinora bench}. */
  String name();

  /** One line for {@code ./kinora bench help}. */
  String summary();

  /** The options this benchmark accepts besides {@code --root}; anything else is refused. */
  List<BenchOption> options();

  /**
   * Runs the benchmark: prints a table to {@code context.out()} and, when it measured something,
   * writes a JSON file through {@link ResultsFile}. Returns the process exit code.
   */
  int run(BenchContext context) throws Exception;
}
