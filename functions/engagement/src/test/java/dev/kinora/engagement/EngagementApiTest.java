package dev.kinora.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.JsonNode;
import dev.kinora.shared.contract.Contract;
import dev.kinora.shared.http.AuthorizerContext;
import dev.kinora.shared.http.SessionUser;
import dev.kinora.shared.json.Json;
import dev.kinora.shared.model.CommentCreateRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The handler over in-memory ports: routes, path and query validation, envelopes, 401 first. */
class EngagementApiTest {
  private static final Contract CONTRACT = Contract.load();

  private final Fixtures f = new Fixtures();
  private final EngagementApi api =
      new EngagementApi(f.ratings, f.comments, f.subscriptions, f.notifications);

  private static APIGatewayV2HTTPEvent sample() throws Exception {
    Path file =
        Path.of(
            System.getProperty("kinora.root", "../.."),
            "events",
            "engagement-comments-malformed-id.json");
    return LambdaEventSerializers.serializerFor(
            APIGatewayV2HTTPEvent.class, EngagementApiTest.class.getClassLoader())
        .fromJson(Files.readString(file));
  }

  /** The sample event turned into {@code method path} with {@code body}, as {@code user}. */
  private static APIGatewayV2HTTPEvent request(
      String method, String path, Map<String, String> query, String body, SessionUser user)
      throws Exception {
    APIGatewayV2HTTPEvent event = sample();
    event.setRawPath(path);
    event.getRequestContext().getHttp().setPath(path);
    event.getRequestContext().getHttp().setMethod(method);
    event.setQueryStringParameters(query);
    event.setBody(body);
    var headers = new HashMap<>(event.getHeaders());
    headers.put("x-requested-with", "kinora");
    event.setHeaders(headers);
    event
        .getRequestContext()
        .getAuthorizer()
        .setLambda(
            new HashMap<>(
                user == null ? AuthorizerContext.anonymous() : AuthorizerContext.of(user)));
    return event;
  }

  private JsonNode answer(APIGatewayV2HTTPEvent event, int status) throws Exception {
    APIGatewayV2HTTPResponse response = api.handleRequest(event, null);
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
    return response.getBody() == null
        ? Json.mapper().createObjectNode()
        : Json.mapper().readTree(response.getBody());
  }

  @Test
  void everyRouteIsAnOperationOfTheContract() {
    assertThat(CONTRACT.operations()).containsAll(EngagementApi.ROUTES.routeKeys());
  }

  @Test
  void theSampleEventIsAValidationErrorAtVideoIdWithoutAnyRead() throws Exception {
    JsonNode body = answer(sample(), 400);

    assertThat(CONTRACT.validate("ErrorEnvelope", body)).isEmpty();
    assertThat(body.at("/error/details/issues/0/path").asText()).isEqualTo("/videoId");
  }

  @Test
  void withoutASessionAGuardedRouteIs401EvenForAMalformedPath() throws Exception {
    JsonNode body = answer(request("PUT", "/api/v1/videos/x1/rating", null, "{}", null), 401);

    assertThat(body.at("/error/code").asText()).isEqualTo("UNAUTHORIZED");
  }

  @Test
  void aRatingIsAnsweredInTheContractShape() throws Exception {
    String video = f.publicVideo();

    JsonNode body =
        answer(
            request(
                "PUT",
                "/api/v1/videos/" + video + "/rating",
                null,
                "{\"value\":\"like\"}",
                Fixtures.ALICE),
            200);

    assertThat(CONTRACT.validate("RatingResponse", body)).isEmpty();
    assertThat(body.at("/data/likeCount").asLong()).isEqualTo(1);
  }

  @Test
  void listsArePagedWithTheCursorInMetaAndBadQueriesNameTheirParameter() throws Exception {
    String video = f.publicVideo();
    for (int i = 0; i < 3; i++) {
      f.comments.create(video, Fixtures.user("user" + i), new CommentCreateRequest("c", null));
    }
    String path = "/api/v1/videos/" + video + "/comments";

    JsonNode first = answer(request("GET", path, Map.of("limit", "2"), null, null), 200);
    assertThat(CONTRACT.validate("CommentListResponse", first)).isEmpty();
    assertThat(first.at("/data").size()).isEqualTo(2);
    String cursor = first.at("/meta/nextCursor").asText();
    JsonNode second =
        answer(request("GET", path, Map.of("limit", "2", "cursor", cursor), null, null), 200);
    assertThat(second.at("/data").size()).isEqualTo(1);
    assertThat(second.at("/meta").has("nextCursor")).isFalse();

    assertThat(
            answer(request("GET", path, Map.of("limit", "two"), null, null), 400)
                .at("/error/details/issues/0/path")
                .asText())
        .isEqualTo("/limit");
    assertThat(
            answer(request("GET", path, Map.of("sort", "oldest"), null, null), 400)
                .at("/error/details/issues/0/path")
                .asText())
        .isEqualTo("/sort");
    assertThat(
            answer(request("GET", path, Map.of("cursor", "zz"), null, null), 400)
                .at("/error/details/issues/0/path")
                .asText())
        .isEqualTo("/cursor");
  }

  @Test
  void deletingAnswersNoContent() throws Exception {
    String video = f.publicVideo();
    StoredComment comment =
        f.comments.create(video, Fixtures.ALICE, new CommentCreateRequest("bye", null));

    answer(request("DELETE", "/api/v1/comments/" + comment.id(), null, null, Fixtures.ALICE), 204);
    answer(request("DELETE", "/api/v1/comments/" + comment.id(), null, null, Fixtures.ALICE), 404);
  }
}
