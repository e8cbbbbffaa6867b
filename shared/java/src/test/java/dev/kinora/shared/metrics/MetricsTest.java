package dev.kinora.shared.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kinora.shared.json.Json;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MetricsTest {
  private static final Instant NOW = Instant.parse("2026-12-02T01:00:00Z");
  private final List<String> lines = new ArrayList<>();

  @BeforeEach
  void capture() {
    Metrics.redirect(lines::add, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @AfterEach
  void release() {
    Metrics.redirect(null, null);
  }

  @Test
  void aCountIsOneEmbeddedMetricFormatLine() throws Exception {
    Metrics.count(Metrics.UPLOADS_STARTED);

    assertThat(lines).hasSize(1);
    JsonNode line = Json.mapper().readTree(lines.get(0));
    JsonNode aws = line.path("_aws");
    assertThat(aws.path("Timestamp").asLong()).isEqualTo(NOW.toEpochMilli());
    JsonNode directive = aws.path("CloudWatchMetrics").get(0);
    assertThat(directive.path("Namespace").asText()).isEqualTo("Kinora");
    assertThat(directive.path("Dimensions").get(0).get(0).asText()).isEqualTo("Function");
    assertThat(directive.path("Metrics").get(0).path("Name").asText()).isEqualTo("UploadsStarted");
    assertThat(directive.path("Metrics").get(0).path("Unit").asText()).isEqualTo("Count");
    assertThat(line.path("UploadsStarted").asInt()).isEqualTo(1);
    assertThat(line.path("Function").isTextual())
        .as("every dimension named in the directive has a value on the line")
        .isTrue();
  }

  @Test
  void aDurationIsInMilliseconds() throws Exception {
    Metrics.milliseconds(Metrics.TRANSCODE_DURATION, 12_345);

    JsonNode line = Json.mapper().readTree(lines.get(0));
    assertThat(line.at("/_aws/CloudWatchMetrics/0/Metrics/0/Unit").asText())
        .isEqualTo("Milliseconds");
    assertThat(line.path("TranscodeDuration").asLong()).isEqualTo(12_345);
  }
}
