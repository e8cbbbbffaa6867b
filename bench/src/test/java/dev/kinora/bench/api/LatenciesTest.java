package dev.kinora.bench.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class LatenciesTest {

  private static final long MS = 1_000_000L;

  @Test
  void percentilesOfOneToAHundredAreTheRanksThemselves() {
    long[] sorted = LongStream.rangeClosed(1, 100).toArray();

    assertThat(Latencies.nearestRank(sorted, 50)).isEqualTo(50);
    assertThat(Latencies.nearestRank(sorted, 95)).isEqualTo(95);
    assertThat(Latencies.nearestRank(sorted, 99)).isEqualTo(99);
    assertThat(Latencies.nearestRank(sorted, 100)).isEqualTo(100);
  }

  @Test
  void nearestRankRoundsUpToATimeARequestReallyTook() {
    long[] ten = LongStream.rangeClosed(1, 10).map(n -> n * 10).toArray();

    assertThat(Latencies.nearestRank(ten, 50)).isEqualTo(50);
    assertThat(Latencies.nearestRank(ten, 95)).as("rank ceil(9.5) = 10").isEqualTo(100);
    assertThat(Latencies.nearestRank(ten, 99)).isEqualTo(100);
    assertThat(Latencies.nearestRank(new long[] {7}, 50)).isEqualTo(7);
    assertThat(Latencies.nearestRank(new long[] {7}, 0.001)).isEqualTo(7);
  }

  @Test
  void nonsensePercentilesAndEmptySamplesAreRefused() {
    assertThatThrownBy(() -> Latencies.nearestRank(new long[0], 50))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Latencies.nearestRank(new long[] {1}, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Latencies.nearestRank(new long[] {1}, 101))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void summaryIsInMillisecondsFromUnsortedNanosWhichStayAsTheyWere() {
    long[] nanos = {4 * MS, 1 * MS, 3 * MS, 2 * MS + 500_000, 10 * MS};

    Latencies latencies = Latencies.of(nanos);

    assertThat(latencies.count()).isEqualTo(5);
    assertThat(latencies.minMs()).isEqualTo(1.0);
    assertThat(latencies.p50Ms()).isEqualTo(3.0);
    assertThat(latencies.p95Ms()).isEqualTo(10.0);
    assertThat(latencies.maxMs()).isEqualTo(10.0);
    assertThat(latencies.meanMs()).isEqualTo(4.1);
    assertThat(nanos[0]).isEqualTo(4 * MS);
  }

  @Test
  void subMillisecondTimesKeepMicrosecondPrecision() {
    Latencies latencies = Latencies.of(new long[] {123_456, 654_321});

    assertThat(latencies.p50Ms()).isEqualTo(0.123);
    assertThat(latencies.maxMs()).isEqualTo(0.654);
  }

  @Test
  void noSamplesSummariseToZeros() {
    assertThat(Latencies.of(new long[0])).isEqualTo(new Latencies(0, 0, 0, 0, 0, 0, 0));
  }
}
