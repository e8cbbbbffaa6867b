package dev.kinora.bench.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kinora.bench.BenchArgs;
import dev.kinora.bench.BenchContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole bench with tiny counts against a real local cloud: every request of every scenario
 * answered, no errors, and a results file. Runs in a scratch root that links the built platform
 * jar, so nothing lands in the repository's {@code bench/results/}.
 *
 * <p>Opt-in ({@code -Dkinora.bench.smoke=true}): starting a local cloud takes 5–20 s on a shared
 * 2-core machine, too long for every build.
 */
@EnabledIfSystemProperty(named = "kinora.bench.smoke", matches = "true")
class ApiBenchSmokeTest {

  private static final Path REPO =
      Path.of(System.getProperty("kinora.root", "..")).toAbsolutePath();

  @Test
  void tinyRunAnswersEveryRequestWithoutErrorsAndWritesItsResults(@TempDir Path root)
      throws Exception {
    Path platformJar = REPO.resolve(ApiBench.PLATFORM_JAR).normalize();
    assumeTrue(Files.isRegularFile(platformJar), "platform.jar not built: " + platformJar);
    Path linked = root.resolve(ApiBench.PLATFORM_JAR);
    Files.createDirectories(linked.getParent());
    Files.createSymbolicLink(linked, platformJar);
    ApiBench bench = new ApiBench();
    BenchArgs args =
        BenchArgs.parse(
            List.of(
                "--requests",
                "60",
                "--concurrency",
                "4",
                "--warmup",
                "20",
                "--items",
                "25",
                "--duration-cap",
                "30"),
            bench.options());
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    int exit;
    try {
      exit =
          bench.run(
              new BenchContext(
                  root,
                  args,
                  new PrintStream(out, true, StandardCharsets.UTF_8),
                  Clock.systemUTC()));
    } finally {
      // the links point outside the temporary folder: remove them before JUnit walks it
      unlinkJars(root);
    }

    String printed = out.toString(StandardCharsets.UTF_8);
    assertThat(exit).as(printed).isZero();
    assertThat(printed).contains("routing overhead (item-read vs sdk-getitem)");
    Path results;
    try (Stream<Path> files = Files.list(root.resolve("bench/results"))) {
      results =
          files
              .filter(f -> f.getFileName().toString().startsWith("api-"))
              .findFirst()
              .orElseThrow();
    }
    JsonNode json = new ObjectMapper().readTree(results.toFile());
    assertThat(json.at("/scenarios"))
        .extracting(s -> s.get("scenario").asText())
        .containsExactly("health", "item-read", "sdk-getitem");
    for (JsonNode scenario : json.at("/scenarios")) {
      assertThat(scenario.get("completed").asInt()).as(scenario.toString()).isEqualTo(60);
      assertThat(scenario.get("errors").asInt()).as(scenario.toString()).isZero();
      assertThat(scenario.get("warmupCompleted").asInt()).isEqualTo(20);
      assertThat(scenario.get("warmupErrors").asInt()).as(scenario.toString()).isZero();
      assertThat(scenario.get("capped").asBoolean()).isFalse();
    }
  }

  private static void unlinkJars(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      for (Path link : files.filter(Files::isSymbolicLink).toList()) {
        Files.delete(link);
      }
    }
  }
}
