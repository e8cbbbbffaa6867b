package dev.kinora.bench.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kinora.bench.BenchArgs;
import dev.kinora.shared.contract.Contract;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class UploadBenchTest {
  private final UploadBench bench = new UploadBench();

  private UploadBench.Settings settings(String... args) {
    return bench.settings(BenchArgs.parse(List.of(args), bench.options()));
  }

  @Test
  void defaultsAreHalfAGibibyteThreeRoundsAndTheStudiosParallelism() {
    UploadBench.Settings settings = settings();

    assertThat(settings.bytes()).isEqualTo(512L * 1024 * 1024);
    assertThat(settings.rounds()).isEqualTo(3);
    assertThat(settings.parallel()).isEqualTo(Contract.load().limits().upload().parallelParts());
    assertThat(settings.inMemory()).isFalse();
  }

  @Test
  void aSmokeRunCanAskForASmallFileInMemory() {
    UploadBench.Settings settings =
        settings("--size-mib", "16", "--rounds=1", "--parallel", "2", "--in-memory");

    assertThat(settings.bytes()).isEqualTo(16L * 1024 * 1024);
    assertThat(settings.rounds()).isEqualTo(1);
    assertThat(settings.parallel()).isEqualTo(2);
    assertThat(settings.inMemory()).isTrue();
  }

  @Test
  void roundsStayWithinTheInitRateLimitTogetherWithTwoWarmUpTries() {
    int initsPerWindow = Contract.load().limits().rateLimit("uploadInit").requests();

    assertThat(bench.maxRounds()).isEqualTo(initsPerWindow - 2);
    assertThatThrownBy(() -> settings("--rounds", Integer.toString(initsPerWindow - 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--rounds");
  }

  @Test
  void aFileLargerThanTheUploadLimitIsRefused() {
    long maxMib = Contract.load().limits().upload().maxFileSizeBytes() / (1024 * 1024);

    assertThat(settings("--size-mib", Long.toString(maxMib)).bytes()).isEqualTo(maxMib << 20);
    assertThatThrownBy(() -> settings("--size-mib", Long.toString(maxMib + 1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> settings("--size-mib", "0"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void benchTrafficNeverLeavesTheMachine() {
    assertThat(UploadBench.loopback(URI.create("http://127.0.0.1:9003/b/k"))).hasHost("127.0.0.1");
    assertThatThrownBy(() -> UploadBench.loopback(URI.create("https://s3.amazonaws.com/b/k")))
        .isInstanceOf(IllegalStateException.class);
  }
}
