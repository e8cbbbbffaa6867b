package dev.kinora.shared.http;

import static dev.kinora.shared.http.Route.delete;
import static dev.kinora.shared.http.Route.get;
import static dev.kinora.shared.http.Route.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.kinora.shared.contract.Contract;
import dev.kinora.shared.contract.ErrorCode;
import dev.kinora.shared.json.Json;
import dev.kinora.shared.model.CommentCreateRequest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoutesTest {

  /** A small API in the shape every function uses: a route table of method references. */
  static final class CommentsApi {
    static final Routes<CommentsApi> ROUTES =
        Routes.of(
            get("/api/v1/videos/{videoId}/comments", CommentsApi::list),
            post("/api/v1/videos/{videoId}/comments", CommentsApi::create),
            delete("/api/v1/comments/{id}", CommentsApi::remove),
            get("/api/v1/broken", CommentsApi::broken),
            get("/api/v1/busy", CommentsApi::busy));

    APIGatewayV2HTTPResponse list(ApiRequest request) {
      return ApiResponses.ok(
          Map.of(
              "videoId", request.pathParam("videoId"),
              "limit", request.query("limit").orElse(""),
              "session", request.cookie("kinora_session").orElse(""),
              "agent", request.header("user-agent").orElse(""),
              "ip", request.sourceIp().orElse("")));
    }

    APIGatewayV2HTTPResponse create(ApiRequest request) {
      CommentCreateRequest comment =
          request.body("CommentCreateRequest", CommentCreateRequest.class);
      return ApiResponses.created(Map.of("text", comment.text()));
    }

    APIGatewayV2HTTPResponse remove(ApiRequest request) {
      return ApiResponses.noContent();
    }

    APIGatewayV2HTTPResponse broken(ApiRequest request) {
      throw new IllegalStateException("jdbc:secret-host password=hunter2");
    }

    APIGatewayV2HTTPResponse busy(ApiRequest request) {
      throw ApiException.rateLimited(Duration.ofMillis(1500));
    }
  }

  private final CommentsApi api = new CommentsApi();

  private APIGatewayV2HTTPResponse send(String method, String path, String body) {
    return CommentsApi.ROUTES.dispatch(api, HttpEvents.request(method, path, body));
  }

  private static JsonNode json(APIGatewayV2HTTPResponse response) throws Exception {
    return Json.mapper().readTree(response.getBody());
  }

  @Test
  void routesToTheHandlerWithDecodedPathParametersQueryCookiesAndHeaders() throws Exception {
    APIGatewayV2HTTPResponse response = send("GET", "/api/v1/videos/ab%2Bc/comments", null);

    assertThat(response.getStatusCode()).isEqualTo(200);
    JsonNode data = json(response).path("data");
    assertThat(data.path("videoId").asText()).isEqualTo("ab+c");
    assertThat(data.path("limit").asText()).isEqualTo("20");
    assertThat(data.path("session").asText()).isEqualTo("s3cr3t");
    assertThat(data.path("agent").asText()).isEqualTo("test");
    assertThat(data.path("ip").asText()).isEqualTo("203.0.113.9");
  }

  @Test
  void unknownRouteAnswersNotFoundEnvelope() throws Exception {
    APIGatewayV2HTTPResponse response = send("GET", "/api/v1/nothing-here", null);

    assertThat(response.getStatusCode()).isEqualTo(404);
    assertThat(json(response).at("/error/code").asText()).isEqualTo("NOT_FOUND");
    assertThat(json(response).at("/error/requestId").asText()).isEqualTo("req-42");
    assertThat(Contract.load().validate("ErrorEnvelope", json(response))).isEmpty();
  }

  @Test
  void knownPathWithAnotherMethodAnswersMethodNotAllowedWithAllow() throws Exception {
    APIGatewayV2HTTPResponse response = send("PUT", "/api/v1/videos/v1/comments", "{}");

    assertThat(response.getStatusCode()).isEqualTo(405);
    assertThat(json(response).at("/error/code").asText()).isEqualTo("METHOD_NOT_ALLOWED");
    assertThat(response.getHeaders()).containsEntry("allow", "GET, POST");
  }

  @Test
  void validBodyReachesTheHandlerAsARecord() throws Exception {
    APIGatewayV2HTTPResponse response =
        send("POST", "/api/v1/videos/v1/comments", "{\"text\":\"Nice one\"}");

    assertThat(response.getStatusCode()).isEqualTo(201);
    assertThat(json(response).at("/data/text").asText()).isEqualTo("Nice one");
  }

  @Test
  void base64EncodedBodyIsDecoded() throws Exception {
    APIGatewayV2HTTPEvent event =
        HttpEvents.request(
            "POST",
            "/api/v1/videos/v1/comments",
            Base64.getEncoder()
                .encodeToString("{\"text\":\"ünïcode\"}".getBytes(StandardCharsets.UTF_8)));
    event.setIsBase64Encoded(true);

    APIGatewayV2HTTPResponse response = CommentsApi.ROUTES.dispatch(api, event);

    assertThat(json(response).at("/data/text").asText()).isEqualTo("ünïcode");
  }

  @Test
  void malformedJsonAnswersInvalidInputEnvelopeWithoutInternals() throws Exception {
    APIGatewayV2HTTPResponse response = send("POST", "/api/v1/videos/v1/comments", "{\"text\": ");

    assertThat(response.getStatusCode()).isEqualTo(400);
    assertThat(json(response).at("/error/code").asText()).isEqualTo("INVALID_INPUT");
    assertThat(response.getBody()).doesNotContain("Exception", "jackson", "at [Source");
    assertThat(Contract.load().validate("ErrorEnvelope", json(response))).isEmpty();
  }

  @Test
  void trailingGarbageAfterJsonIsMalformed() throws Exception {
    APIGatewayV2HTTPResponse response =
        send("POST", "/api/v1/videos/v1/comments", "{\"text\":\"a\"} {}");

    assertThat(json(response).at("/error/code").asText()).isEqualTo("INVALID_INPUT");
  }

  @Test
  void missingBodyAnswersInvalidInput() throws Exception {
    APIGatewayV2HTTPResponse response = send("POST", "/api/v1/videos/v1/comments", null);

    assertThat(response.getStatusCode()).isEqualTo(400);
    assertThat(json(response).at("/error/code").asText()).isEqualTo("INVALID_INPUT");
  }

  @Test
  void contractViolationAnswersValidationErrorWithIssues() throws Exception {
    APIGatewayV2HTTPResponse response =
        send("POST", "/api/v1/videos/v1/comments", "{\"text\":\"\",\"spam\":true}");

    assertThat(response.getStatusCode()).isEqualTo(400);
    JsonNode error = json(response).path("error");
    assertThat(error.path("code").asText()).isEqualTo("VALIDATION_ERROR");
    assertThat(error.at("/details/issues").findValuesAsText("path"))
        .containsExactlyInAnyOrder("/text", "/spam");
    assertThat(Contract.load().validate("ErrorEnvelope", json(response))).isEmpty();
  }

  @Test
  void unexpectedFailureAnswersInternalErrorWithRequestIdAndNoInternals() throws Exception {
    var log = new ByteArrayOutputStream();
    PrintStream stdout = System.out;
    APIGatewayV2HTTPResponse response;
    System.setOut(new PrintStream(log, true, StandardCharsets.UTF_8));
    try {
      response = send("GET", "/api/v1/broken", null);
    } finally {
      System.setOut(stdout);
    }

    List<String> errors =
        log.toString(StandardCharsets.UTF_8)
            .lines()
            .filter(line -> line.contains("\"level\":\"ERROR\""))
            .toList();
    assertThat(errors).as("the cause goes to the log, as one JSON line").hasSize(1);
    assertThat(errors.get(0))
        .contains("req-42", "jdbc:secret-host", "IllegalStateException")
        .as("a password in an exception message is redacted")
        .doesNotContain("hunter2");
    assertThat(response.getStatusCode()).isEqualTo(500);
    assertThat(json(response).at("/error/code").asText()).isEqualTo("INTERNAL_ERROR");
    assertThat(json(response).at("/error/requestId").asText()).isEqualTo("req-42");
    assertThat(response.getBody()).doesNotContain("hunter2", "IllegalState", "RoutesTest");
  }

  @Test
  void everyRequestLeavesOneAccessLineWithRequestIdAndNoCookies() throws Exception {
    var log = new ByteArrayOutputStream();
    PrintStream stdout = System.out;
    System.setOut(new PrintStream(log, true, StandardCharsets.UTF_8));
    try {
      send("GET", "/api/v1/busy", null);
    } finally {
      System.setOut(stdout);
    }

    JsonNode line =
        Json.mapper()
            .readTree(log.toString(StandardCharsets.UTF_8).lines().findFirst().orElseThrow());
    assertThat(line.path("message").asText()).isEqualTo("request");
    assertThat(line.path("requestId").asText()).isEqualTo("req-42");
    assertThat(line.path("method").asText()).isEqualTo("GET");
    assertThat(line.path("path").asText()).isEqualTo("/api/v1/busy");
    assertThat(line.path("status").asInt()).isEqualTo(429);
    assertThat(line.toString()).doesNotContain("s3cr3t", "kinora_session");
  }

  @Test
  void rateLimitedAnswers429WithRetryAfterInWholeSeconds() throws Exception {
    APIGatewayV2HTTPResponse response = send("GET", "/api/v1/busy", null);

    assertThat(response.getStatusCode()).isEqualTo(429);
    assertThat(response.getHeaders()).containsEntry("retry-after", "2");
    assertThat(json(response).at("/error/details/retryAfterSeconds").asInt()).isEqualTo(2);
  }

  @Test
  void noContentHasNoBody() {
    APIGatewayV2HTTPResponse response = send("DELETE", "/api/v1/comments/c1", null);

    assertThat(response.getStatusCode()).isEqualTo(204);
    assertThat(response.getBody()).isNull();
  }

  @Test
  void aNamedStagePrefixIsNotPartOfTheRoute() throws Exception {
    APIGatewayV2HTTPEvent event =
        HttpEvents.request("GET", "/prod/api/v1/videos/v9/comments", null);
    event.getRequestContext().setStage("prod");

    APIGatewayV2HTTPResponse response = CommentsApi.ROUTES.dispatch(api, event);

    assertThat(json(response).at("/data/videoId").asText()).isEqualTo("v9");
  }

  @Test
  void anEmptyPathParameterDoesNotMatch() {
    assertThat(send("DELETE", "/api/v1/comments/", null).getStatusCode()).isEqualTo(404);
  }

  @Test
  void duplicateRoutesAreRejectedWhenTheTableIsBuilt() {
    assertThatThrownBy(
            () ->
                Routes.of(get("/api/v1/x", CommentsApi::list), get("/api/v1/x", CommentsApi::list)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("GET /api/v1/x");
  }

  @Test
  void stateChangingRequestWithoutTheCsrfHeaderIsForbidden() throws Exception {
    for (String method : List.of("POST", "DELETE")) {
      String path = method.equals("POST") ? "/api/v1/videos/v1/comments" : "/api/v1/comments/c1";
      APIGatewayV2HTTPResponse response =
          CommentsApi.ROUTES.dispatch(
              api,
              HttpEvents.request(
                  method, path, "{\"text\":\"hi\"}", Map.of("content-type", "application/json")));

      assertThat(response.getStatusCode()).as(method).isEqualTo(403);
      assertThat(json(response).at("/error/code").asText()).isEqualTo("FORBIDDEN");
    }
  }

  @Test
  void readingNeedsNoCsrfHeader() {
    APIGatewayV2HTTPResponse response =
        CommentsApi.ROUTES.dispatch(
            api, HttpEvents.request("GET", "/api/v1/videos/v1/comments", null, Map.of()));

    assertThat(response.getStatusCode()).isEqualTo(200);
  }

  @Test
  void theUserComesFromTheAuthorizerContext() {
    APIGatewayV2HTTPEvent event = HttpEvents.request("GET", "/api/v1/videos/v1/comments", null);
    event
        .getRequestContext()
        .setAuthorizer(
            APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                .withLambda(
                    AuthorizerContext.of(new SessionUser("acc_1", "ch_1", "ada", 1_800_000_000L)))
                .build());
    var request = new ApiRequest(event, Map.of(), Contract.load());

    assertThat(request.requireUser())
        .isEqualTo(new SessionUser("acc_1", "ch_1", "ada", 1_800_000_000L));
  }

  @Test
  void withoutASessionRequireUserAnswersUnauthorizedAndWithAnExpiredOneSessionExpired() {
    APIGatewayV2HTTPEvent anonymous = HttpEvents.request("GET", "/api/v1/x", null);
    APIGatewayV2HTTPEvent expired = HttpEvents.request("GET", "/api/v1/x", null);
    expired
        .getRequestContext()
        .setAuthorizer(
            APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                .withLambda(AuthorizerContext.expired())
                .build());

    assertThatThrownBy(() -> new ApiRequest(anonymous, Map.of(), Contract.load()).requireUser())
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAUTHORIZED));
    assertThatThrownBy(() -> new ApiRequest(expired, Map.of(), Contract.load()).requireUser())
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SESSION_EXPIRED));
  }
}
