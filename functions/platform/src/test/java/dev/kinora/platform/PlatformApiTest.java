package dev.kinora.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.JsonNode;
import dev.kinora.shared.config.Config;
import dev.kinora.shared.contract.Contract;
import dev.kinora.shared.json.Json;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlatformApiTest {
  private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
  private static final Contract CONTRACT = Contract.load();

  private final PlatformApi api =
      new PlatformApi(
          Config.of(Map.of("KINORA_VERSION", "1.2.3")), CONTRACT, Clock.fixed(NOW, ZoneOffset.UTC));

  private static APIGatewayV2HTTPEvent request(String method, String path) {
    return APIGatewayV2HTTPEvent.builder()
        .withVersion("2.0")
        .withRouteKey("$default")
        .withRawPath(path)
        .withRawQueryString("")
        .withHeaders(Map.of("accept", "application/json"))
        .withIsBase64Encoded(false)
        .withRequestContext(
            APIGatewayV2HTTPEvent.RequestContext.builder()
                .withRequestId("req-platform-1")
                .withStage("$default")
                .withHttp(
                    APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                        .withMethod(method)
                        .withPath(path)
                        .withProtocol("HTTP/1.1")
                        .withSourceIp("198.51.100.7")
                        .build())
                .build())
        .build();
  }

  private static JsonNode body(APIGatewayV2HTTPResponse response) throws Exception {
    return Json.mapper().readTree(response.getBody());
  }

  @Test
  void healthAnswersOkWithServiceVersionAndTime() throws Exception {
    APIGatewayV2HTTPResponse response = api.handleRequest(request("GET", "/api/v1/health"), null);

    assertThat(response.getStatusCode()).isEqualTo(200);
    assertThat(response.getHeaders())
        .containsEntry("content-type", "application/json; charset=utf-8");
    JsonNode body = body(response);
    assertThat(CONTRACT.validate("HealthResponse", body)).isEmpty();
    assertThat(body.path("data").path("status").asText()).isEqualTo("ok");
    assertThat(body.path("data").path("service").asText()).isEqualTo("kinora");
    assertThat(body.path("data").path("version").asText()).isEqualTo("1.2.3");
    assertThat(body.path("data").path("time").asText()).isEqualTo("2026-11-25T12:00:00Z");
  }

  @Test
  void configPublishesTheLimitsOfLimitsJson() throws Exception {
    APIGatewayV2HTTPResponse response = api.handleRequest(request("GET", "/api/v1/config"), null);

    assertThat(response.getStatusCode()).isEqualTo(200);
    JsonNode body = body(response);
    assertThat(CONTRACT.validate("ClientConfigResponse", body)).isEmpty();
    JsonNode limits = body.path("data").path("limits");
    assertThat(limits.at("/video/title/max").asInt()).isEqualTo(100);
    assertThat(limits.at("/upload/chunkSizeBytes").asLong()).isEqualTo(5_242_880L);
    assertThat(limits.at("/upload/allowedMimeTypes")).hasSize(5);
  }

  @Test
  void configFollowsAChangeOfLimitsJson() throws Exception {
    var shorterTitles =
        new PlatformApi(
            Config.of(Map.of()),
            Contract.loadWithLimitOverrides(Map.of("video.title.max", 20)),
            Clock.systemUTC());

    JsonNode body = body(shorterTitles.handleRequest(request("GET", "/api/v1/config"), null));

    assertThat(body.at("/data/limits/video/title/max").asInt()).isEqualTo(20);
  }

  @Test
  void unknownRouteAnswersNotFoundEnvelope() throws Exception {
    APIGatewayV2HTTPResponse response = api.handleRequest(request("GET", "/api/v1/healthz"), null);

    assertThat(response.getStatusCode()).isEqualTo(404);
    JsonNode body = body(response);
    assertThat(CONTRACT.validate("ErrorEnvelope", body)).isEmpty();
    assertThat(body.at("/error/code").asText()).isEqualTo("NOT_FOUND");
    assertThat(body.at("/error/requestId").asText()).isEqualTo("req-platform-1");
  }

  @Test
  void writingToHealthAnswersMethodNotAllowed() throws Exception {
    APIGatewayV2HTTPResponse response = api.handleRequest(request("POST", "/api/v1/health"), null);

    assertThat(response.getStatusCode()).isEqualTo(405);
    assertThat(body(response).at("/error/code").asText()).isEqualTo("METHOD_NOT_ALLOWED");
    assertThat(response.getHeaders()).containsEntry("allow", "GET");
  }

  @Test
  void everyRouteIsAnOperationOfTheContract() {
    assertThat(CONTRACT.operations()).containsAll(PlatformApi.ROUTES.routeKeys());
  }

  @Test
  void theSampleHealthEventAnswersOkThroughTheLambdaRuntimeSerializers() throws Exception {
    Path sample =
        Path.of(System.getProperty("kinora.root", "../.."), "events", "platform-health.json");
    APIGatewayV2HTTPEvent event =
        LambdaEventSerializers.serializerFor(
                APIGatewayV2HTTPEvent.class, getClass().getClassLoader())
            .fromJson(Files.readString(sample));

    APIGatewayV2HTTPResponse response = api.handleRequest(event, null);

    assertThat(response.getStatusCode()).isEqualTo(200);
    assertThat(CONTRACT.validate("HealthResponse", body(response))).isEmpty();
    var wire = new ByteArrayOutputStream();
    LambdaEventSerializers.serializerFor(
            APIGatewayV2HTTPResponse.class, getClass().getClassLoader())
        .toJson(response, wire);
    JsonNode sentToApiGateway = Json.mapper().readTree(wire.toByteArray());
    assertThat(sentToApiGateway.path("statusCode").asInt()).isEqualTo(200);
    assertThat(sentToApiGateway.at("/headers/content-type").asText())
        .startsWith("application/json");
    assertThat(
            Json.mapper()
                .readTree(sentToApiGateway.path("body").asText())
                .at("/data/status")
                .asText())
        .isEqualTo("ok");
  }

  @Test
  void lambdaCanBuildTheHandlerFromItsEnvironment() {
    APIGatewayV2HTTPResponse response =
        new PlatformApi().handleRequest(request("GET", "/api/v1/health"), null);

    assertThat(response.getStatusCode()).isEqualTo(200);
  }
}
