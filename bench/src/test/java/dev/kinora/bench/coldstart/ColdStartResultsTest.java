package dev.kinora.bench.coldstart;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kinora.bench.Machine;
import dev.kinora.bench.ResultsFile;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ColdStartResultsTest {

  private static final Path ROOT = Path.of("/repo");
  private static final FunctionJar PLAIN_JAR =
      new FunctionJar(
          ROOT.resolve("functions/platform/target/platform.jar"), "x.PlatformApi", ROOT);
  private static final FunctionJar SPRING_JAR =
      new FunctionJar(
          ROOT.resolve("bench/spring-health/target/spring-health.jar"), "y.Invoker", ROOT);

  private final ColdStartResults results =
      new ColdStartResults(
          "coldstart",
          "2026-11-25T15:00:00Z",
          61.5,
          new Machine(2, "Linux", "Temurin 25", List.of(1.5, 1.0, 0.5), 24_000),
          List.of(2.0, 1.2, 0.6),
          new ColdStartResults.Settings(
              5, 1, Variant.BASE_FLAGS, 120, "events/platform-health.json", "round-robin"),
          ColdStartResults.withRatios(
              List.of(
                  ColdStartResults.VariantResult.of(
                      Variant.PLAIN,
                      PLAIN_JAR,
                      Variant.PLAIN.measuredFlags(""),
                      null,
                      List.of(400.0, 380.0, 420.0, 395.04, 410.0),
                      List.of(40_960L, 41_984L, 40_960L, 40_960L, 40_960L),
                      0,
                      "{\"data\":{}}"),
                  ColdStartResults.VariantResult.of(
                      Variant.SPRING_APPCDS,
                      SPRING_JAR,
                      Variant.SPRING_APPCDS.measuredFlags("spring-appcds.jsa"),
                      52_428_800L,
                      List.of(1600.0, 1500.0, 1580.0, 1620.0),
                      List.of(102_400L, 102_400L, 103_424L, 102_400L),
                      1,
                      "{\"data\":{}}"))),
          List.of(new ColdStartResults.Skipped("plain-aot", "no -XX:AOTCacheOutput")),
          List.of());

  @Test
  void summarisesRunsAndComparesEveryVariantWithPlain() {
    ColdStartResults.VariantResult plain = results.variants().get(0);
    ColdStartResults.VariantResult spring = results.variants().get(1);

    assertThat(plain.medianMs()).isEqualTo(400.0);
    assertThat(plain.minMs()).isEqualTo(380.0);
    assertThat(plain.runsMs()).contains(395.0);
    assertThat(plain.peakRssMiB()).isEqualTo(40.0);
    assertThat(plain.ratioToPlain()).isEqualTo(1.0);
    assertThat(spring.medianMs()).isEqualTo(1590.0);
    assertThat(spring.ratioToPlain()).isEqualTo(3.98);
    assertThat(spring.failedRuns()).isEqualTo(1);
    assertThat(spring.jar()).isEqualTo("bench/spring-health/target/spring-health.jar");
  }

  @Test
  void tableShowsOneRowPerVariantAndWhyOthersWereSkipped() {
    String table = results.table();

    assertThat(table.lines().findFirst().orElseThrow())
        .startsWith("variant")
        .contains("median ms", "min", "max", "runs", "RSS MiB", "jar MiB", "x plain");
    assertThat(table)
        .containsPattern("plain\\s+400\\s+380\\s+420\\s+5/5\\s+40\\s+")
        .containsPattern("spring-appcds\\s+1590\\s+1500\\s+1620\\s+4/5\\s+100\\s+.*3\\.98")
        .contains("skipped plain-aot: no -XX:AOTCacheOutput");
  }

  @Test
  void writesEverythingTheTableShowsAndMoreAsJson() throws Exception {
    JsonNode json = new ObjectMapper().readTree(ResultsFile.toJson(results));

    assertThat(json.get("benchmark").asText()).isEqualTo("coldstart");
    assertThat(json.at("/machine/cores").asInt()).isEqualTo(2);
    assertThat(json.at("/machine/loadAverageAtStart/0").asDouble()).isEqualTo(1.5);
    assertThat(json.at("/loadAverageAfter/0").asDouble()).isEqualTo(2.0);
    assertThat(json.at("/settings/runsPerVariant").asInt()).isEqualTo(5);
    assertThat(json.at("/variants/1/variant").asText()).isEqualTo("spring-appcds");
    assertThat(json.at("/variants/1/archiveBytes").asLong()).isEqualTo(52_428_800L);
    assertThat(json.at("/variants/1/runsMs").size()).isEqualTo(4);
    assertThat(json.at("/variants/1/jvmFlags/2").asText())
        .isEqualTo("-XX:SharedArchiveFile=spring-appcds.jsa");
    assertThat(json.at("/skipped/0/reason").asText()).contains("AOTCacheOutput");
  }

  @Test
  void resultFilesAreNamedByBenchmarkAndUtcStartTime() {
    assertThat(ResultsFile.fileName("coldstart", Instant.parse("2026-11-25T15:04:05.123Z")))
        .isEqualTo("coldstart-20261125T150405Z.json");
  }
}
