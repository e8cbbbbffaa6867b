package dev.kinora.bench.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kinora.bench.Machine;
import dev.kinora.bench.ResultsFile;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiResultsTest {

  private static final ApiResults.ScenarioResult HEALTH =
      scenario("health", 5000, 5000, 0, false, 1.234, 2.5, 4.75, 12.0, 3456.7);
  private static final ApiResults.ScenarioResult ITEM_READ =
      scenario("item-read", 5000, 5000, 0, false, 2.0, 4.0, 8.0, 20.0, 2000.4);
  private static final ApiResults.ScenarioResult SDK =
      scenario("sdk-getitem", 5000, 4200, 3, true, 0.5, 1.0, 2.0, 5.0, 8000.0);

  private final ApiResults results =
      new ApiResults(
          "api",
          "2026-11-25T16:00:00Z",
          95.3,
          new Machine(2, "Linux", "Temurin 25", List.of(3.5, 2.0, 1.0), 24_000),
          List.of(4.0, 2.5, 1.1),
          new ApiResults.Settings(5000, 300, 16, 60, 10, 1000, 7, "jdk http", "url-connection", 16),
          new ApiResults.LocalCloudInfo(
              "bench/target/api/template.yaml",
              "JARS",
              "functions/platform/target/platform.jar",
              2345,
              List.of("GET /api/v1/health → PlatformFunction")),
          List.of(HEALTH, ITEM_READ, SDK),
          ApiResults.Overhead.between(ITEM_READ, SDK),
          ApiResults.notes(List.of(HEALTH, ITEM_READ, SDK), 60));

  @Test
  void overheadIsTheRoutedReadMinusTheDirectOneAndTheirRatio() {
    ApiResults.Overhead overhead = results.overhead();

    assertThat(overhead.routed()).isEqualTo("item-read");
    assertThat(overhead.direct()).isEqualTo("sdk-getitem");
    assertThat(overhead.p50DeltaMs()).isEqualTo(1.5);
    assertThat(overhead.p50Ratio()).isEqualTo(4.0);
    assertThat(overhead.p99DeltaMs()).isEqualTo(6.0);
    assertThat(overhead.p99Ratio()).isEqualTo(4.0);
  }

  @Test
  void tableHasOneRowPerScenarioThenTheOverheadLine() {
    List<String> lines = results.table().lines().toList();

    assertThat(lines.get(0))
        .startsWith("scenario")
        .containsSubsequence("requests", "errors", "p50 ms", "p95 ms", "p99 ms", "max ms", "req/s");
    assertThat(lines.get(1)).matches("-+( +-+){7}");
    assertThat(lines.get(2))
        .matches("health\\s+5000\\s+0\\s+1\\.23\\s+2\\.50\\s+4\\.75\\s+12\\.00\\s+3457");
    assertThat(lines.get(4))
        .as("a capped scenario shows how far it got")
        .matches("sdk-getitem\\s+4200/5000\\s+3\\s+0\\.50\\s+.*\\s+8000");
    assertThat(lines.get(5))
        .isEqualTo(
            "routing overhead (item-read vs sdk-getitem): p50 +1.50 ms, 4.00x; p99 +6.00 ms,"
                + " 4.00x");
  }

  @Test
  void cappedScenariosAndErrorsAreCalledOut() {
    assertThat(results.notes())
        .containsExactly(
            "sdk-getitem stopped at the 60 s cap after 4200 of 5000 requests",
            "sdk-getitem had 3 errors: {HTTP 500=3}");
  }

  @Test
  void jsonHoldsTheMachineSettingsEveryScenarioAndTheOverhead() throws Exception {
    JsonNode json = new ObjectMapper().readTree(ResultsFile.toJson(results));

    assertThat(json.get("benchmark").asText()).isEqualTo("api");
    assertThat(json.at("/machine/cores").asInt()).isEqualTo(2);
    assertThat(json.at("/machine/loadAverageAtStart/0").asDouble()).isEqualTo(3.5);
    assertThat(json.at("/loadAverageAfter/0").asDouble()).isEqualTo(4.0);
    assertThat(json.at("/settings/concurrency").asInt()).isEqualTo(16);
    assertThat(json.at("/settings/durationCapSeconds").asInt()).isEqualTo(60);
    assertThat(json.at("/settings/httpMaxConnections").asInt()).isEqualTo(16);
    assertThat(json.at("/localCloud/functionCode").asText()).isEqualTo("JARS");
    assertThat(json.at("/scenarios").size()).isEqualTo(3);
    assertThat(json.at("/scenarios/0/p50Ms").asDouble()).isEqualTo(1.234);
    assertThat(json.at("/scenarios/2/capped").asBoolean()).isTrue();
    assertThat(json.at("/scenarios/2/errorReasons/HTTP 500").asInt()).isEqualTo(3);
    assertThat(json.at("/overhead/p50Ratio").asDouble()).isEqualTo(4.0);
    assertThat(json.at("/notes").size()).isEqualTo(2);
  }

  @Test
  void resultFilesFollowTheBenchNaming() {
    assertThat(ResultsFile.fileName("api", Instant.parse("2026-11-25T16:04:05Z")))
        .isEqualTo("api-20261125T160405Z.json");
  }

  private static ApiResults.ScenarioResult scenario(
      String name,
      int requested,
      int completed,
      int errors,
      boolean capped,
      double p50,
      double p95,
      double p99,
      double max,
      double perSecond) {
    return new ApiResults.ScenarioResult(
        name,
        "GET /x",
        requested,
        completed,
        errors,
        errors == 0 ? Map.of() : Map.of("HTTP 500", errors),
        capped,
        300,
        0,
        2.5,
        perSecond,
        p50 / 2,
        p50,
        p50,
        p95,
        p99,
        max);
  }
}
