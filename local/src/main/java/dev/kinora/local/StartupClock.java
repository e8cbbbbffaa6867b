package dev.kinora.local;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Times each start-up step and prints it, so a slow service is visible at a glance. */
public final class StartupClock {
  /** One start-up step. */
  public record Step(String name, long millis) {}

  private final PrintStream out;
  private final long startedNanos = System.nanoTime();
  private final List<Step> steps = new ArrayList<>();

  StartupClock(PrintStream out) {
    this.out = out;
  }

  <T> T time(String name, ThrowingSupplier<T> step) throws Exception {
    long begin = System.nanoTime();
    T value = step.get();
    long millis = (System.nanoTime() - begin) / 1_000_000;
    synchronized (steps) {
      steps.add(new Step(name, millis));
    }
    out.printf(Locale.ROOT, "[local-cloud] %-28s %6d ms%n", name, millis);
    return value;
  }

  long totalMillis() {
    return (System.nanoTime() - startedNanos) / 1_000_000;
  }

  List<Step> steps() {
    synchronized (steps) {
      return List.copyOf(steps);
    }
  }

  @FunctionalInterface
  interface ThrowingSupplier<T> {
    T get() throws Exception;
  }
}
