package dev.kinora.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.kinora.shared.contract.Contract;
import dev.kinora.shared.http.SessionUser;
import dev.kinora.shared.json.Json;
import dev.kinora.shared.realtime.InMemoryConnectionStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The handler over in-memory ports: every route, every refusal with its reason. */
class RealtimeApiTest {
  private static final Contract CONTRACT = Contract.load();
  private static final int MAX = CONTRACT.limits().realtime().maxSubscriptionsPerConnection();
  private static final String ADA_COOKIE = "kinora_session=ada-token";
  private static final String OWN_VIDEO = "AdaVideo001";
  private static final String OTHERS_VIDEO = "BobVideo001";

  private final Clock clock = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);
  private final InMemoryConnectionStore connections = new InMemoryConnectionStore(clock);
  private final Map<String, String> owners = new HashMap<>();
  private final Sessions sessions =
      cookies ->
          cookies.contains(ADA_COOKIE)
              ? Optional.of(new SessionUser("ada", "ch_ada", "ada", 0))
              : Optional.empty();
  private final RealtimeApi api =
      new RealtimeApi(
          new RealtimeService(
              sessions,
              videoId -> Optional.ofNullable(owners.get(videoId)),
              connections,
              clock,
              Duration.ofHours(2),
              MAX),
          CONTRACT);

  RealtimeApiTest() {
    owners.put(OWN_VIDEO, "ada");
    owners.put(OTHERS_VIDEO, "bob");
  }

  private static APIGatewayV2WebSocketEvent event(
      String routeKey, String connectionId, Map<String, String> headers, String body) {
    var context = new APIGatewayV2WebSocketEvent.RequestContext();
    context.setRouteKey(routeKey);
    context.setConnectionId(connectionId);
    var event = new APIGatewayV2WebSocketEvent();
    event.setRequestContext(context);
    event.setHeaders(headers);
    event.setBody(body);
    return event;
  }

  private APIGatewayV2WebSocketResponse connect(String connectionId, String cookie) {
    Map<String, String> headers = new HashMap<>();
    headers.put("Host", "example");
    if (cookie != null) {
      headers.put("Cookie", "theme=dark; " + cookie);
    }
    return api.handleRequest(event("$connect", connectionId, headers, null), null);
  }

  private JsonNode send(String routeKey, String connectionId, String body) throws Exception {
    var response = api.handleRequest(event(routeKey, connectionId, Map.of(), body), null);
    assertThat(response.getStatusCode()).isEqualTo(200);
    JsonNode message = Json.mapper().readTree(response.getBody());
    assertThat(CONTRACT.validate("RealtimeServerMessage", message)).isEmpty();
    return message;
  }

  private JsonNode subscribe(String connectionId, String videoId) throws Exception {
    return send(
        "subscribe", connectionId, "{\"action\":\"subscribe\",\"videoId\":\"" + videoId + "\"}");
  }

  @Test
  void anonymousConnectionIsRefusedWith401() {
    assertThat(connect("c1", null).getStatusCode()).isEqualTo(401);
    assertThat(connections.knows("c1")).isFalse();
  }

  @Test
  void connectionWithAnUnknownSessionIsRefused() {
    assertThat(connect("c1", "kinora_session=forged").getStatusCode()).isEqualTo(401);
  }

  @Test
  void signedInConnectionIsAcceptedAndRemembered() {
    assertThat(connect("c1", ADA_COOKIE).getStatusCode()).isEqualTo(200);
    assertThat(connections.userOf("c1")).contains("ada");
  }

  @Test
  void subscribingToOwnVideoIsConfirmed() throws Exception {
    connect("c1", ADA_COOKIE);
    assertThat(subscribe("c1", OWN_VIDEO).path("type").asText()).isEqualTo("subscribed");
    assertThat(connections.subscribers(OWN_VIDEO)).containsExactly("c1");
  }

  @Test
  void subscribingTwiceIsNotAnError() throws Exception {
    connect("c1", ADA_COOKIE);
    subscribe("c1", OWN_VIDEO);
    assertThat(subscribe("c1", OWN_VIDEO).path("type").asText()).isEqualTo("subscribed");
  }

  @Test
  void subscribingToSomeoneElsesVideoIsRefusedOnTheSocket() throws Exception {
    connect("c1", ADA_COOKIE);
    JsonNode answer = subscribe("c1", OTHERS_VIDEO);
    assertThat(answer.path("type").asText()).isEqualTo("error");
    assertThat(answer.at("/error/code").asText()).isEqualTo("VIDEO_NOT_FOUND");
    assertThat(answer.path("videoId").asText()).isEqualTo(OTHERS_VIDEO);
    assertThat(connections.subscribers(OTHERS_VIDEO)).isEmpty();
  }

  @Test
  void someoneElsesVideoAndNoVideoGetTheSameAnswer() throws Exception {
    connect("c1", ADA_COOKIE);
    JsonNode others = subscribe("c1", OTHERS_VIDEO);
    JsonNode missing = subscribe("c1", "Nn0SuchVid1");
    assertThat(missing.path("error")).isEqualTo(others.path("error"));
  }

  @Test
  void subscriptionsPerConnectionAreLimited() throws Exception {
    connect("c1", ADA_COOKIE);
    for (int i = 0; i < MAX; i++) {
      String id = String.format("AdaVideo%03d", 100 + i);
      owners.put(id, "ada");
      assertThat(subscribe("c1", id).path("type").asText()).isEqualTo("subscribed");
    }
    owners.put("AdaVideoXXX", "ada");
    JsonNode answer = subscribe("c1", "AdaVideoXXX");
    assertThat(answer.at("/error/code").asText()).isEqualTo("INVALID_INPUT");
    assertThat(answer.at("/error/message").asText()).contains(String.valueOf(MAX));
  }

  @Test
  void unsubscribingStopsTheSubscription() throws Exception {
    connect("c1", ADA_COOKIE);
    subscribe("c1", OWN_VIDEO);
    JsonNode answer =
        send("unsubscribe", "c1", "{\"action\":\"unsubscribe\",\"videoId\":\"" + OWN_VIDEO + "\"}");
    assertThat(answer.path("type").asText()).isEqualTo("unsubscribed");
    assertThat(connections.subscribers(OWN_VIDEO)).isEmpty();
  }

  @Test
  void invalidMessageAnswersValidationErrorWithItsPath() throws Exception {
    connect("c1", ADA_COOKIE);
    JsonNode answer = send("subscribe", "c1", "{\"action\":\"subscribe\",\"videoId\":\"short\"}");
    assertThat(answer.at("/error/code").asText()).isEqualTo("VALIDATION_ERROR");
    assertThat(answer.at("/error/details/issues/0/path").asText()).isEqualTo("/videoId");
    assertThat(answer.path("action").asText()).isEqualTo("subscribe");
  }

  @Test
  void messageThatIsNotJsonIsAnsweredNotIgnored() throws Exception {
    connect("c1", ADA_COOKIE);
    JsonNode answer = send("$default", "c1", "hello?");
    assertThat(answer.at("/error/code").asText()).isEqualTo("VALIDATION_ERROR");
    assertThat(answer.at("/error/details/issues/0/path").asText()).isEqualTo("/action");
  }

  @Test
  void emptyOrNonObjectMessageIsAValidationError() throws Exception {
    connect("c1", ADA_COOKIE);
    for (String body : new String[] {"", "[]", "42", "null"}) {
      JsonNode answer = send("subscribe", "c1", body);
      assertThat(answer.at("/error/code").asText()).as(body).isEqualTo("VALIDATION_ERROR");
    }
  }

  @Test
  void unknownActionIsAnsweredByDefaultRoute() throws Exception {
    connect("c1", ADA_COOKIE);
    JsonNode answer = send("$default", "c1", "{\"action\":\"shout\"}");
    assertThat(answer.path("action").asText()).isEqualTo("shout");
    assertThat(answer.at("/error/code").asText()).isEqualTo("VALIDATION_ERROR");
  }

  @Test
  void disconnectForgetsTheConnectionAndItsSubscriptions() throws Exception {
    connect("c1", ADA_COOKIE);
    subscribe("c1", OWN_VIDEO);
    var response = api.handleRequest(event("$disconnect", "c1", Map.of(), null), null);
    assertThat(response.getStatusCode()).isEqualTo(200);
    assertThat(connections.knows("c1")).isFalse();
    assertThat(connections.subscribers(OWN_VIDEO)).isEmpty();
  }

  @Test
  void subscribingOnAnUnknownConnectionAsksToReconnect() throws Exception {
    JsonNode answer = subscribe("never-connected", OWN_VIDEO);
    assertThat(answer.at("/error/code").asText()).isEqualTo("UNAUTHORIZED");
  }

  @Test
  void cookieHeaderIsFoundWhateverItsCase() {
    assertThat(RealtimeApi.cookies(Map.of("cookie", "a=1; kinora_session=x")))
        .isEqualTo(List.of("a=1", "kinora_session=x"));
  }
}
