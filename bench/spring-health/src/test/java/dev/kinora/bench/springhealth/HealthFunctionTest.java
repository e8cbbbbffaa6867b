package dev.kinora.bench.springhealth;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class HealthFunctionTest {

  private final HealthFunction health =
      new HealthFunction(
          Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC), "1.2.3");

  @Test
  void healthRouteAnswersOkInTheDataEnvelope() {
    APIGatewayV2HTTPResponse response = health.apply(request("GET", "/api/v1/health"));

    assertThat(response.getStatusCode()).isEqualTo(200);
    assertThat(response.getHeaders())
        .containsEntry("content-type", "application/json; charset=utf-8")
        .containsEntry("cache-control", "no-store");
    assertThat(response.getBody())
        .isEqualTo(
            "{\"data\":{\"status\":\"ok\",\"service\":\"kinora\",\"version\":\"1.2.3\","
                + "\"time\":\"2026-11-25T12:00:00Z\"}}");
  }

  @Test
  void otherRoutesAreNotFoundInTheErrorEnvelope() {
    APIGatewayV2HTTPResponse response = health.apply(request("POST", "/api/v1/health"));

    assertThat(response.getStatusCode()).isEqualTo(404);
    assertThat(response.getBody()).startsWith("{\"error\":{\"code\":\"NOT_FOUND\"");
  }

  private static APIGatewayV2HTTPEvent request(String method, String path) {
    return APIGatewayV2HTTPEvent.builder()
        .withRawPath(path)
        .withRequestContext(
            APIGatewayV2HTTPEvent.RequestContext.builder()
                .withHttp(
                    APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                        .withMethod(method)
                        .withPath(path)
                        .build())
                .build())
        .build();
  }
}
