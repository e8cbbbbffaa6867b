package dev.kinora.local.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RouteSelectionTest {
  @Test
  void bodyFieldSelectsTheRouteInEitherNotation() {
    assertThat(RouteSelection.parse("$request.body.action").select("{\"action\":\"subscribe\"}"))
        .hasValue("subscribe");
    assertThat(RouteSelection.parse("${request.body.action}").select("{\"action\":\"subscribe\"}"))
        .hasValue("subscribe");
    assertThat(RouteSelection.parse("$request.body.meta.kind").select("{\"meta\":{\"kind\":7}}"))
        .hasValue("7");
  }

  @Test
  void messagesThatSelectNothingFallToDefault() {
    RouteSelection action = RouteSelection.parse("$request.body.action");

    assertThat(action.select("not json")).isEmpty();
    assertThat(action.select("[1,2]")).isEmpty();
    assertThat(action.select("{\"other\":1}")).isEmpty();
    assertThat(action.select("{\"action\":{\"nested\":true}}")).isEmpty();
    assertThat(RouteSelection.parse("$default").select("{\"action\":\"x\"}")).isEmpty();
  }

  @Test
  void executeApiUrlsInTheEnvironmentPointAtTheFrontDoor() {
    WebSocketApiDefinition api =
        new WebSocketApiDefinition(
            "RealtimeApi", "abc123defg", "prod", RouteSelection.parse("$default"), Map.of());
    var rewrite = WebSocketApis.localEndpoint(api, "http://127.0.0.1:8080/ws");

    assertThat(rewrite.apply("https://abc123defg.execute-api.us-east-1.amazonaws.com/prod"))
        .isEqualTo("http://127.0.0.1:8080/ws");
    assertThat(rewrite.apply("wss://abc123defg.execute-api.us-east-1.amazonaws.com/prod"))
        .isEqualTo("ws://127.0.0.1:8080/ws");
    assertThat(rewrite.apply("https://other.execute-api.us-east-1.amazonaws.com/prod"))
        .isEqualTo("https://other.execute-api.us-east-1.amazonaws.com/prod");
  }
}
