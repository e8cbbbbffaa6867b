package dev.kinora.bench.api;

import dev.kinora.bench.BenchContext;
import dev.kinora.bench.BenchOption;
import dev.kinora.bench.Benchmark;
import java.util.List;

/**
 * API latency under load: a bounded load generator (fixed request count and duration, loopback
 * only) against the local cloud's health route and a DynamoDB-backed route, reporting p50/p99 and
 * errors. Not written yet: it prints so instead of numbers.
 */
public final class ApiBench implements Benchmark {

  public static final int EXIT_NOT_IMPLEMENTED = 2;

  @Override
  public String name() {
    return "api";
  }

  @Override
  public String summary() {
    return "API latency under load against the local cloud (not yet implemented)";
  }

  @Override
  public List<BenchOption> options() {
    return List.of();
  }

  @Override
  public int run(BenchContext context) {
    context
        .out()
        .println(
            "kinora bench api: not yet implemented (planned: bounded load on /api/v1/health and a"
                + " DynamoDB-backed route of the local cloud, p50/p99 and errors). No results"
                + " written.");
    return EXIT_NOT_IMPLEMENTED;
  }
}
