package dev.kinora.bench.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LoadGeneratorTest {

  private static final Duration NO_CAP = Duration.ofMinutes(5);

  @Test
  void warmUpAndMeasuredRequestsAreCountedSeparatelyAndAddUp() throws Exception {
    AtomicInteger sent = new AtomicInteger();
    LoadGenerator load = new LoadGenerator(new LoadGenerator.Plan(500, 8, NO_CAP, 40, 1));

    LoadGenerator.Measurement run =
        load.measure(
            random -> {
              sent.incrementAndGet();
              return LoadGenerator.Outcome.OK;
            });

    assertThat(run.warmup().completed()).isEqualTo(40);
    assertThat(run.measured().completed()).isEqualTo(500);
    assertThat(run.measured().requested()).isEqualTo(500);
    assertThat(sent).hasValue(540);
    assertThat(run.measured().errors()).isZero();
    assertThat(run.measured().capped()).isFalse();
    assertThat(run.measured().latenciesNanos()).hasSize(500);
  }

  @Test
  void non2xxAnswersAndExceptionsAreErrorsWithTheirReasons() throws Exception {
    AtomicInteger sent = new AtomicInteger();
    LoadGenerator load = new LoadGenerator(new LoadGenerator.Plan(100, 4, NO_CAP, 0, 1));

    LoadGenerator.Phase measured =
        load.measure(
                random -> {
                  int n = sent.incrementAndGet();
                  if (n % 10 == 0) {
                    return LoadGenerator.Outcome.ofStatus(503);
                  }
                  if (n % 25 == 0) {
                    throw new IOException("connection reset");
                  }
                  return LoadGenerator.Outcome.ofStatus(n % 2 == 0 ? 200 : 204);
                })
            .measured();

    assertThat(measured.completed()).isEqualTo(100);
    assertThat(measured.errors()).isEqualTo(10 + 2);
    assertThat(measured.failures()).containsEntry("HTTP 503", 10).containsEntry("IOException", 2);
    assertThat(measured.failures().keySet()).first().isEqualTo("HTTP 503");
  }

  @Test
  void manyDifferentFailureReasonsAreFoldedIntoOther() throws Exception {
    AtomicInteger sent = new AtomicInteger();
    LoadGenerator load = new LoadGenerator(new LoadGenerator.Plan(30, 1, NO_CAP, 0, 1));

    LoadGenerator.Phase measured =
        load.measure(random -> LoadGenerator.Outcome.failed("reason " + sent.incrementAndGet()))
            .measured();

    assertThat(measured.errors()).isEqualTo(30);
    assertThat(measured.failures()).hasSize(LoadGenerator.FAILURE_REASONS + 1);
    assertThat(measured.failures().get("other")).isEqualTo(30 - LoadGenerator.FAILURE_REASONS);
  }

  @Test
  void theTimeCapStopsAPhaseThatCannotFinishAndSaysSo() throws Exception {
    LoadGenerator load =
        new LoadGenerator(new LoadGenerator.Plan(1_000_000, 2, Duration.ofSeconds(1), 0, 1));

    LoadGenerator.Phase measured =
        load.measure(
                random -> {
                  Thread.sleep(20);
                  return LoadGenerator.Outcome.OK;
                })
            .measured();

    assertThat(measured.capped()).isTrue();
    assertThat(measured.completed()).isPositive().isLessThan(1_000_000);
    assertThat(measured.latenciesNanos()).hasSize(measured.completed()).doesNotContain(0L);
  }

  @Test
  void theSameSeedDrawsTheSameRandomChoices() throws Exception {
    LoadGenerator.Plan plan = new LoadGenerator.Plan(200, 1, NO_CAP, 10, 42);

    assertThat(draws(plan)).isEqualTo(draws(plan));
    assertThat(draws(plan)).isNotEqualTo(draws(new LoadGenerator.Plan(200, 1, NO_CAP, 10, 43)));
  }

  @Test
  void aPlanWithNothingToDoIsRefused() {
    assertThatThrownBy(() -> new LoadGenerator(new LoadGenerator.Plan(0, 1, NO_CAP, 0, 1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new LoadGenerator(new LoadGenerator.Plan(1, 0, NO_CAP, 0, 1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static List<Integer> draws(LoadGenerator.Plan plan) throws Exception {
    List<Integer> draws = Collections.synchronizedList(new ArrayList<>());
    new LoadGenerator(plan)
        .measure(
            random -> {
              draws.add(random.nextInt(1_000));
              return LoadGenerator.Outcome.OK;
            });
    return draws;
  }
}
