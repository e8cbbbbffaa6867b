package dev.kinora.uploads;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.JsonNode;
import dev.kinora.local.testing.MutableClock;
import dev.kinora.shared.contract.Contract;
import dev.kinora.shared.http.AuthorizerContext;
import dev.kinora.shared.http.SessionUser;
import dev.kinora.shared.json.Json;
import dev.kinora.shared.ratelimit.InMemoryRateLimitCounter;
import dev.kinora.shared.ratelimit.RateLimiter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UploadsApiTest {
  private static final Contract CONTRACT = Contract.load();
  private static final SessionUser ADA = new SessionUser("ac_ada", "ch_ada", "ada", 0);

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T12:00:10Z"));
  private final InMemoryUploadStore store = new InMemoryUploadStore();
  private final FakeMultipartStorage storage = new FakeMultipartStorage();
  private final UploadsApi api =
      new UploadsApi(
          new UploadService(
              store,
              storage,
              new RateLimiter(CONTRACT.limits(), new InMemoryRateLimitCounter(), clock),
              CONTRACT.limits(),
              new SecureRandom(),
              clock));

  private static APIGatewayV2HTTPEvent request(String method, String path, String body) {
    return APIGatewayV2HTTPEvent.builder()
        .withVersion("2.0")
        .withRawPath(path)
        .withHeaders(Map.of("content-type", "application/json", "x-requested-with", "kinora"))
        .withBody(body)
        .withIsBase64Encoded(false)
        .withRequestContext(
            APIGatewayV2HTTPEvent.RequestContext.builder()
                .withRequestId("req-1")
                .withStage("$default")
                .withAuthorizer(
                    APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                        .withLambda(AuthorizerContext.of(ADA))
                        .build())
                .withHttp(
                    APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                        .withMethod(method)
                        .withPath(path)
                        .withSourceIp("203.0.113.9")
                        .build())
                .build())
        .build();
  }

  private JsonNode send(String method, String path, Object body, int expectedStatus) {
    APIGatewayV2HTTPResponse response =
        api.handleRequest(request(method, path, body == null ? null : Json.write(body)), null);
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(expectedStatus);
    try {
      return response.getBody() == null
          ? Json.mapper().createObjectNode()
          : Json.mapper().readTree(response.getBody());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void everyRouteIsAnOperationOfTheContract() {
    assertThat(UploadsApi.ROUTES.routeKeys())
        .containsExactlyInAnyOrder(
            "POST /api/v1/uploads",
            "GET /api/v1/uploads/{uploadId}",
            "DELETE /api/v1/uploads/{uploadId}",
            "POST /api/v1/uploads/{uploadId}/parts",
            "POST /api/v1/uploads/{uploadId}/complete");
    assertThat(CONTRACT.operations()).containsAll(UploadsApi.ROUTES.routeKeys());
  }

  @Test
  void anAnonymousSampleEventAnswersUnauthorizedInTheEnvelope() throws Exception {
    Path file =
        Path.of(System.getProperty("kinora.root", "../.."), "events", "uploads-get-anonymous.json");
    APIGatewayV2HTTPEvent sample =
        LambdaEventSerializers.serializerFor(
                APIGatewayV2HTTPEvent.class, UploadsApiTest.class.getClassLoader())
            .fromJson(Files.readString(file));

    APIGatewayV2HTTPResponse response = api.handleRequest(sample, null);

    assertThat(response.getStatusCode()).isEqualTo(401);
    var body = Json.mapper().readTree(response.getBody());
    assertThat(CONTRACT.validate("ErrorEnvelope", body)).isEmpty();
    assertThat(body.at("/error/code").asText()).isEqualTo("UNAUTHORIZED");
  }

  @Test
  void aFileTooLargeWinsOverOtherInvalidFields() {
    long tooLarge = CONTRACT.limits().upload().maxFileSizeBytes() + 1;
    var body = Map.of("filename", "x".repeat(300), "fileSize", tooLarge, "mimeType", "video/mp4");

    JsonNode reply = send("POST", "/api/v1/uploads", body, 413);

    assertThat(reply.at("/error/code").asText()).isEqualTo("FILE_TOO_LARGE");
  }

  @Test
  void anUnsupportedTypeWinsOverOtherInvalidFields() {
    var body = Map.of("filename", "", "fileSize", 10, "mimeType", "application/x-msdownload");

    JsonNode reply = send("POST", "/api/v1/uploads", body, 415);

    assertThat(reply.at("/error/code").asText()).isEqualTo("UNSUPPORTED_FORMAT");
  }

  @Test
  void anOtherwiseInvalidInitIsAValidationErrorAtItsPath() {
    var body = Map.of("filename", "x".repeat(256), "fileSize", 10, "mimeType", "video/mp4");

    JsonNode reply = send("POST", "/api/v1/uploads", body, 400);

    assertThat(reply.at("/error/code").asText()).isEqualTo("VALIDATION_ERROR");
    assertThat(reply.at("/error/details/issues/0/path").asText()).isEqualTo("/filename");
  }

  @Test
  void initAnswersASessionTheContractAccepts() {
    JsonNode reply =
        send(
            "POST",
            "/api/v1/uploads",
            Map.of("filename", "clip.mp4", "fileSize", 10, "mimeType", "video/mp4"),
            201);

    assertThat(CONTRACT.validate("UploadSessionResponse", reply)).isEmpty();
  }

  @Test
  void anIncompleteUploadAnswersTheMissingPartsInTheEnvelope() {
    long chunk = CONTRACT.limits().upload().chunkSizeBytes();
    JsonNode session =
        send(
            "POST",
            "/api/v1/uploads",
            Map.of("filename", "clip.mp4", "fileSize", 3 * chunk, "mimeType", "video/mp4"),
            201);
    String id = session.at("/data/id").asText();
    storage.putPart(store.find(id).orElseThrow().multipartUploadId(), 2, chunk);

    JsonNode reply =
        send(
            "POST",
            "/api/v1/uploads/" + id + "/complete",
            Map.of("title", "Walk", "visibility", "public"),
            409);

    assertThat(CONTRACT.validate("ErrorEnvelope", reply)).isEmpty();
    assertThat(reply.at("/error/code").asText()).isEqualTo("UPLOAD_INCOMPLETE");
    assertThat(reply.at("/error/details/missingParts"))
        .extracting(JsonNode::asInt)
        .containsExactly(1, 3);
  }

  @Test
  void completingAnswersTheProcessingVideo() {
    JsonNode session =
        send(
            "POST",
            "/api/v1/uploads",
            Map.of("filename", "clip.mp4", "fileSize", 10, "mimeType", "video/mp4"),
            201);
    String id = session.at("/data/id").asText();
    storage.putPart(store.find(id).orElseThrow().multipartUploadId(), 1, 10);

    JsonNode reply =
        send(
            "POST",
            "/api/v1/uploads/" + id + "/complete",
            Map.of("title", "Walk", "tags", List.of("park"), "visibility", "unlisted"),
            201);

    assertThat(CONTRACT.validate("VideoResponse", reply)).isEmpty();
    assertThat(reply.at("/data/status").asText()).isEqualTo("processing");
    assertThat(reply.at("/data/id").asText()).isEqualTo(session.at("/data/videoId").asText());
  }

  @Test
  void anIdThatCannotNameAnUploadIsNotFound() {
    JsonNode reply = send("GET", "/api/v1/uploads/a.b", null, 404);

    assertThat(reply.at("/error/code").asText()).isEqualTo("NOT_FOUND");
  }
}
