package dev.kinora.bench.api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Closed-loop load with hard bounds: {@code concurrency} virtual-thread workers each send one
 * request, wait for the answer, and send the next, until the phase's fixed request count is used up
 * or its time cap has passed (then no new request starts; those in flight finish within their own
 * timeout). A discarded warm-up phase runs first, so class loading, connection set-up and the JIT
 * land there instead of in the percentiles.
 */
final class LoadGenerator {

  /** At most this many distinct failure reasons are kept; the rest are counted as "other". */
  static final int FAILURE_REASONS = 8;

  /** How a scenario is loaded. {@code seed} makes the workers' random choices repeatable. */
  record Plan(int requests, int concurrency, Duration cap, int warmup, long seed) {}

  /** One request of a scenario. Exceptions count as failures, with their class as the reason. */
  @FunctionalInterface
  interface Request {
    Outcome send(SplittableRandom random) throws Exception;
  }

  /** What one request came to: success, or a failure and why (e.g. {@code HTTP 500}). */
  record Outcome(boolean ok, String failure) {
    static final Outcome OK = new Outcome(true, null);

    static Outcome failed(String reason) {
      return new Outcome(false, reason);
    }

    /** 2xx is success; anything else fails with {@code HTTP <status>}. */
    static Outcome ofStatus(int status) {
      return status >= 200 && status < 300 ? OK : failed("HTTP " + status);
    }
  }

  /**
   * One phase's raw results: every completed request's latency in nanoseconds (in start order), how
   * many failed and why, whether the time cap cut it short, and its wall-clock time.
   */
  record Phase(
      int requested,
      long[] latenciesNanos,
      int errors,
      Map<String, Integer> failures,
      boolean capped,
      long wallNanos) {

    int completed() {
      return latenciesNanos.length;
    }

    /** Completed requests per second of wall-clock time. */
    double throughput() {
      return wallNanos == 0 ? 0 : completed() / (wallNanos / 1e9);
    }
  }

  /** The discarded warm-up and the measured phase. */
  record Measurement(Phase warmup, Phase measured) {}

  private final Plan plan;

  LoadGenerator(Plan plan) {
    if (plan.requests() < 1 || plan.concurrency() < 1 || plan.warmup() < 0) {
      throw new IllegalArgumentException("nothing to measure: " + plan);
    }
    this.plan = plan;
  }

  Measurement measure(Request request) throws InterruptedException {
    SplittableRandom seeds = new SplittableRandom(plan.seed());
    Phase warmup = run(request, plan.warmup(), seeds.split());
    Phase measured = run(request, plan.requests(), seeds.split());
    return new Measurement(warmup, measured);
  }

  private Phase run(Request request, int count, SplittableRandom seeds)
      throws InterruptedException {
    if (count == 0) {
      return new Phase(0, new long[0], 0, Map.of(), false, 0);
    }
    long[] nanos = new long[count];
    AtomicInteger next = new AtomicInteger();
    AtomicInteger done = new AtomicInteger();
    AtomicBoolean capped = new AtomicBoolean();
    Failures failures = new Failures();
    long start = System.nanoTime();
    long deadline = start + plan.cap().toNanos();
    List<Future<?>> workers = new ArrayList<>();
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int w = 0; w < Math.min(plan.concurrency(), count); w++) {
        SplittableRandom random = seeds.split();
        workers.add(
            threads.submit(
                () -> {
                  while (true) {
                    if (System.nanoTime() - deadline >= 0) {
                      capped.set(true);
                      return;
                    }
                    int slot = next.getAndIncrement();
                    if (slot >= count) {
                      return;
                    }
                    long sent = System.nanoTime();
                    Outcome outcome;
                    try {
                      outcome = request.send(random);
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                      outcome = Outcome.failed("interrupted");
                    } catch (Exception e) {
                      outcome = Outcome.failed(e.getClass().getSimpleName());
                    }
                    nanos[slot] = System.nanoTime() - sent;
                    if (!outcome.ok()) {
                      failures.add(outcome.failure());
                    }
                    done.incrementAndGet();
                  }
                }));
      }
    }
    long wall = System.nanoTime() - start;
    for (Future<?> worker : workers) {
      try {
        worker.get();
      } catch (ExecutionException e) {
        throw new IllegalStateException("a load worker died", e.getCause());
      }
    }
    int completed = Math.min(next.get(), count);
    if (done.get() != completed) {
      throw new IllegalStateException(completed + " requests started but " + done + " finished");
    }
    return new Phase(
        count,
        Arrays.copyOf(nanos, completed),
        failures.total(),
        failures.counts(),
        capped.get() && completed < count,
        wall);
  }

  /** Failure reasons and how often each occurred; bounded, so a flood of errors stays readable. */
  private static final class Failures {
    private final Map<String, LongAdder> byReason = new ConcurrentHashMap<>();
    private final LongAdder total = new LongAdder();

    void add(String reason) {
      total.increment();
      String key =
          byReason.containsKey(reason) || byReason.size() < FAILURE_REASONS ? reason : "other";
      byReason.computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    int total() {
      return total.intValue();
    }

    Map<String, Integer> counts() {
      Map<String, Integer> counts = new LinkedHashMap<>();
      byReason.entrySet().stream()
          .sorted((a, b) -> Long.compare(b.getValue().sum(), a.getValue().sum()))
          .forEach(e -> counts.put(e.getKey(), e.getValue().intValue()));
      return counts;
    }
  }
}
