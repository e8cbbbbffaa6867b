package dev.kinora.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kinora.local.testing.KinoraCloud;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

@KinoraCloud(template = "classpath:local-cloud/template.yaml")
class StartupTest {
  /**
   * The target is 10 s (about 3–4 s on an idle 2-core machine). Tests never assert on wall-clock
   * time: the measured line is printed for the CI log, and the cloud answering is what is checked.
   */
  @Test
  void startUpTimeAndMemoryAreMeasured(LocalCloud cloud) throws IOException {
    String rss =
        Files.readAllLines(Path.of("/proc/self/status")).stream()
            .filter(line -> line.startsWith("VmRSS:"))
            .map(line -> line.substring("VmRSS:".length()).trim())
            .findFirst()
            .orElse("unknown");
    System.out.printf(
        "[local-cloud] measured: started in %d ms (%s), JVM RSS now %s%n",
        cloud.startupMillis(), cloud.startupSteps(), rss);

    assertThat(cloud.startupSteps()).isNotEmpty();
  }
}
