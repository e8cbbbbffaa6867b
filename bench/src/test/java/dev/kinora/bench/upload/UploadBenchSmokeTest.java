package dev.kinora.bench.upload;

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
 * The whole bench with a 16 MiB file against a real local cloud: the real flow and the direct PUT
 * both store every byte, and the run writes its results. Runs in a scratch root holding a copy of
 * the repository's template and links to the built accounts and uploads jars, so nothing lands in
 * the repository's {@code bench/results/}.
 *
 * <p>Opt-in ({@code -Dkinora.bench.smoke=true}) like the api bench's smoke test: a local cloud
 * takes 10–30 s to start on the shared 2-core machine.
 */
@EnabledIfSystemProperty(named = "kinora.bench.smoke", matches = "true")
class UploadBenchSmokeTest {
  private static final Path REPO =
      Path.of(System.getProperty("kinora.root", "..")).toAbsolutePath().normalize();

  @Test
  void sixteenMebibytesTravelBothWaysAndTheRunIsRecorded(@TempDir Path root) throws Exception {
    Files.copy(REPO.resolve("template.yaml"), root.resolve("template.yaml"));
    for (String module : UploadCloud.NEEDED_MODULES) {
      Path jar = REPO.resolve("functions/" + module + "/target/" + module + ".jar");
      assumeTrue(Files.isRegularFile(jar), module + ".jar not built: " + jar);
      Path linked = root.resolve("functions/" + module + "/target/" + module + ".jar");
      Files.createDirectories(linked.getParent());
      Files.createSymbolicLink(linked, jar);
    }
    UploadBench bench = new UploadBench();
    BenchArgs args = BenchArgs.parse(List.of("--size-mib", "16", "--rounds", "1"), bench.options());
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
      unlinkJars(root);
    }

    String printed = out.toString(StandardCharsets.UTF_8);
    assertThat(exit).as(printed).isZero();
    assertThat(printed).contains("ratio multipart/direct (median of 1)");
    assertThat(root.resolve("bench/target/upload/source.bin")).doesNotExist();
    assertThat(root.resolve("bench/target/upload/state")).doesNotExist();
    Path results;
    try (Stream<Path> files = Files.list(root.resolve("bench/results"))) {
      results =
          files
              .filter(f -> f.getFileName().toString().startsWith("upload-"))
              .findFirst()
              .orElseThrow();
    }
    JsonNode json = new ObjectMapper().readTree(results.toFile());
    assertThat(json.at("/settings/bytes").asLong()).isEqualTo(16L * 1024 * 1024);
    assertThat(json.at("/settings/parts").asInt()).isEqualTo(4);
    assertThat(json.at("/rounds/0/multipart/presignCalls").asInt()).isEqualTo(1);
    assertThat(json.at("/rounds/0/multipart/mibPerSecond").asDouble()).isPositive();
    assertThat(json.at("/rounds/0/direct/mibPerSecond").asDouble()).isPositive();
  }

  private static void unlinkJars(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      for (Path link : files.filter(Files::isSymbolicLink).toList()) {
        Files.delete(link);
      }
    }
  }
}
