package dev.kinora.local.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kinora.local.LocalCloud;
import dev.kinora.local.testing.KinoraCloud;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@KinoraCloud(template = "classpath:events-sources/template.yaml")
class SchedulesTest {

  @Test
  void scheduleTriggerInvokesTheFunctionNow(LocalCloud cloud) throws Exception {
    int before = Invocations.of(cloud, "NightlyFunction").size();

    JsonNode answer =
        Invocations.parse(cloud.triggers().find("NightlyFunction").orElseThrow().fire());

    assertThat(answer.path("invocations").path(0).path("status").asText()).isEqualTo("succeeded");
    JsonNode event = Invocations.of(cloud, "NightlyFunction").get(before);
    assertThat(event.path("version").asText()).isEqualTo("0");
    assertThat(event.path("id").asText()).isNotEmpty();
    assertThat(event.path("detail-type").asText()).isEqualTo("Scheduled Event");
    assertThat(event.path("source").asText()).isEqualTo("aws.events");
    assertThat(event.path("account").asText()).isEqualTo("000000000000");
    assertThat(event.path("region").asText()).isEqualTo("us-east-1");
    assertThat(event.path("time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    assertThat(event.path("resources").path(0).asText())
        .startsWith("arn:aws:events:us-east-1:000000000000:rule/");
    assertThat(event.path("detail").isObject()).isTrue();
    assertThat(event.path("detail").isEmpty()).isTrue();

    HttpResponse<String> response;
    // Its own client, closed here, so no keep-alive connection outlives the test.
    try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
      response =
          http.send(
              HttpRequest.newBuilder(cloud.url("/_kinora/trigger/RollupFunction"))
                  .POST(HttpRequest.BodyPublishers.noBody())
                  .build(),
              HttpResponse.BodyHandlers.ofString());
    }

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(Invocations.parse(response.body()).path("function").asText())
        .isEqualTo("RollupFunction");
    assertThat(Invocations.of(cloud, "RollupFunction"))
        .as("a schedule with Input delivers exactly the Input")
        .last()
        .isEqualTo(Invocations.parse("{\"job\":\"rollup\"}"));
  }

  @Test
  void rateExpressionsFollowEventBridgeSyntaxAndCronIsRecognised() {
    assertThat(ScheduleExpression.parse("rate(1 minute)").every()).contains(Duration.ofMinutes(1));
    assertThat(ScheduleExpression.parse("rate(5 minutes)").every()).contains(Duration.ofMinutes(5));
    assertThat(ScheduleExpression.parse("rate(2 hours)").every()).contains(Duration.ofHours(2));
    assertThat(ScheduleExpression.parse("rate(1 day)").every()).contains(Duration.ofDays(1));
    assertThat(ScheduleExpression.parse("cron(0 3 * * ? *)").every()).isEmpty();
    assertThatThrownBy(() -> ScheduleExpression.parse("rate(1 minutes)"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ScheduleExpression.parse("rate(0 minutes)"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ScheduleExpression.parse("every day"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
