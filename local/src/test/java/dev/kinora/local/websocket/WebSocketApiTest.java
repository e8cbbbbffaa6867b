package dev.kinora.local.websocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kinora.local.LocalAws;
import dev.kinora.local.LocalCloud;
import dev.kinora.local.runtime.InvocationResult;
import dev.kinora.local.testing.KinoraCloud;
import java.net.URI;
import java.net.http.WebSocketHandshakeException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.GetConnectionResponse;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.GoneException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@KinoraCloud(template = "classpath:websocket/template.yaml")
class WebSocketApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SIGNED_IN = "session=s-123; theme=dark";

  private final LocalCloud cloud;
  private final ApiGatewayManagementApiClient connections;

  WebSocketApiTest(LocalCloud cloud) {
    this.cloud = cloud;
    this.connections =
        ApiGatewayManagementApiClient.builder()
            .endpointOverride(cloud.url("/ws"))
            .region(LocalAws.region())
            .credentialsProvider(LocalAws.credentials())
            .httpClient(UrlConnectionHttpClient.create())
            .build();
  }

  @AfterEach
  void closeClient() {
    connections.close();
  }

  @Test
  void connectInvokesConnectHandlerWithCookies() throws Exception {
    try (WebSocketClient client = connect("/ws?videoId=v-42", SIGNED_IN)) {
      String connectionId = connectionIdOf(client);

      Map<String, AttributeValue> connect = awaitEvent(connectionId, "$connect");
      assertThat(connect.get("eventType").s()).isEqualTo("CONNECT");
      assertThat(connect.get("cookie").s()).isEqualTo(SIGNED_IN);
      assertThat(connect.get("videoId").s()).isEqualTo("v-42");
      assertThat(connect.get("stage").s()).isEqualTo("prod");
      assertThat(connect.get("apiId").s()).isEqualTo(cloud.stack().ref("RealtimeApi"));
      assertThat(connect.get("sourceIp").s()).isEqualTo("127.0.0.1");
      assertThat(Long.parseLong(connect.get("connectedAt").n())).isPositive();
      assertThat(connectionId).matches("[A-Za-z0-9_-]{15}=");
    }
  }

  @Test
  void connectRefusedWhenHandlerAnswers401() {
    assertThatThrownBy(() -> connect("/ws", "theme=dark"))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOfSatisfying(
            WebSocketHandshakeException.class,
            refused -> assertThat(refused.getResponse().statusCode()).isEqualTo(401));
  }

  @Test
  void messagesRouteByActionAndFallBackToDefault() throws Exception {
    try (WebSocketClient client = connect("/ws", SIGNED_IN)) {
      client.send("{\"action\":\"subscribe\",\"videoId\":\"v-1\"}");
      JsonNode subscribed = JSON.readTree(client.next());
      client.send("hello, not JSON");
      JsonNode notJson = JSON.readTree(client.next());
      client.send("{\"action\":\"no-such-route\"}");
      JsonNode unknown = JSON.readTree(client.next());

      assertThat(subscribed.get("routeKey").asText()).isEqualTo("subscribe");
      assertThat(subscribed.get("eventType").asText()).isEqualTo("MESSAGE");
      assertThat(subscribed.get("body").asText())
          .isEqualTo("{\"action\":\"subscribe\",\"videoId\":\"v-1\"}");
      assertThat(notJson.get("routeKey").asText()).isEqualTo("$default");
      assertThat(notJson.get("body").asText()).isEqualTo("hello, not JSON");
      assertThat(unknown.get("routeKey").asText()).isEqualTo("$default");
    }
  }

  @Test
  void routeWithoutRouteResponseAnswersNothing() throws Exception {
    try (WebSocketClient client = connect("/ws", SIGNED_IN)) {
      String connectionId = connectionIdOf(client);
      client.send("{\"action\":\"unsubscribe\",\"videoId\":\"v-1\"}");
      awaitEvent(connectionId, "unsubscribe");
      client.send("{\"action\":\"after\"}");

      assertThat(JSON.readTree(client.next()).get("body").asText())
          .as("the unsubscribe answer was never sent: the next message is the $default one")
          .isEqualTo("{\"action\":\"after\"}");
    }
  }

  @Test
  void unknownRouteWithoutDefaultAnswersForbidden() throws Exception {
    try (WebSocketClient client = connect("/ws/StrictApi", null)) {
      client.send("{\"action\":\"ping\"}");
      JsonNode pong = JSON.readTree(client.next());
      client.send("{\"action\":\"dance\"}");
      JsonNode forbidden = JSON.readTree(client.next());

      assertThat(pong.get("routeKey").asText()).isEqualTo("ping");
      assertThat(forbidden.get("message").asText()).isEqualTo("Forbidden");
      assertThat(forbidden.get("connectionId").asText())
          .isEqualTo(pong.get("connectionId").asText());
      assertThat(forbidden.get("requestId").asText()).isNotBlank();
    }
  }

  @Test
  void postToConnectionReachesTheClient() throws Exception {
    try (WebSocketClient client = connect("/ws", SIGNED_IN)) {
      String connectionId = connectionIdOf(client);

      connections.postToConnection(
          r ->
              r.connectionId(connectionId)
                  .data(SdkBytes.fromUtf8String("{\"type\":\"transcode.started\"}")));
      GetConnectionResponse described =
          connections.getConnection(r -> r.connectionId(connectionId));

      assertThat(client.next()).isEqualTo("{\"type\":\"transcode.started\"}");
      assertThat(described.identity().sourceIp()).isEqualTo("127.0.0.1");
      assertThat(described.identity().userAgent()).isNotBlank();
      assertThat(described.connectedAt()).isBefore(Instant.now().plusSeconds(1));
      assertThat(described.lastActiveAt()).isAfterOrEqualTo(described.connectedAt());
    }
  }

  @Test
  void functionPostsThroughTheEndpointTheTemplateBuilds() throws Exception {
    try (WebSocketClient client = connect("/ws", SIGNED_IN)) {
      String connectionId = connectionIdOf(client);

      InvocationResult result =
          cloud.invoke(
              "NotifyFunction",
              JSON.writeValueAsString(
                  Map.of("connectionId", connectionId, "message", "transcode.progress 50")));

      assertThat(result).isInstanceOf(InvocationResult.Success.class);
      assertThat(client.next()).isEqualTo("transcode.progress 50");
      URI frontDoor = cloud.frontDoorUrl();
      assertThat(JSON.readTree(result.payload()).asText())
          .isEqualTo(frontDoor + "/ws " + frontDoor.toString().replace("http:", "ws:") + "/ws");
    }
  }

  @Test
  void postToClosedConnectionAnswersGone() throws Exception {
    WebSocketClient client = connect("/ws", SIGNED_IN);
    String connectionId = connectionIdOf(client);
    client.closeNormally();
    awaitEvent(connectionId, "$disconnect");

    assertThatThrownBy(
            () ->
                connections.postToConnection(
                    r -> r.connectionId(connectionId).data(SdkBytes.fromUtf8String("late"))))
        .isInstanceOfSatisfying(
            GoneException.class,
            gone -> {
              assertThat(gone.statusCode()).isEqualTo(410);
              assertThat(gone.awsErrorDetails().errorCode()).isEqualTo("GoneException");
            });
    assertThatThrownBy(() -> connections.getConnection(r -> r.connectionId("NeverConnected0=")))
        .isInstanceOf(GoneException.class);
  }

  @Test
  void disconnectInvokesDisconnectHandler() throws Exception {
    WebSocketClient client = connect("/ws", SIGNED_IN);
    String connectionId = connectionIdOf(client);

    client.closeNormally();

    Map<String, AttributeValue> disconnect = awaitEvent(connectionId, "$disconnect");
    assertThat(disconnect.get("eventType").s()).isEqualTo("DISCONNECT");
    assertThat(disconnect.get("stage").s()).isEqualTo("prod");
  }

  @Test
  void deleteConnectionClosesTheSocket() throws Exception {
    try (WebSocketClient client = connect("/ws", SIGNED_IN)) {
      String connectionId = connectionIdOf(client);

      connections.deleteConnection(r -> r.connectionId(connectionId));

      assertThat(client.closeStatus()).isEqualTo(1000);
      assertThat(awaitEvent(connectionId, "$disconnect").get("eventType").s())
          .isEqualTo("DISCONNECT");
      assertThatThrownBy(() -> connections.getConnection(r -> r.connectionId(connectionId)))
          .isInstanceOf(GoneException.class);
    }
  }

  // ---------------------------------------------------------------- helpers

  private WebSocketClient connect(String path, String cookie) throws Exception {
    URI uri = URI.create(cloud.frontDoorUrl().toString().replace("http:", "ws:") + path);
    return WebSocketClient.connect(cloud.httpClient(), uri, cookie);
  }

  /** Asks the $default route who we are: its answer carries the connection id. */
  private static String connectionIdOf(WebSocketClient client) throws Exception {
    client.send("whoami");
    return JSON.readTree(client.next()).get("connectionId").asText();
  }

  /** The event the handlers recorded for this connection and route, waiting a bounded time. */
  private Map<String, AttributeValue> awaitEvent(String connectionId, String routeKey)
      throws InterruptedException {
    long deadline = System.nanoTime() + WebSocketClient.WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      Optional<Map<String, AttributeValue>> found =
          events(connectionId).stream()
              .filter(e -> routeKey.equals(e.get("routeKey").s()))
              .findFirst();
      if (found.isPresent()) {
        return found.get();
      }
      Thread.sleep(50);
    }
    throw new AssertionError(
        "no " + routeKey + " event for " + connectionId + " within " + WebSocketClient.WAIT);
  }

  private List<Map<String, AttributeValue>> events(String connectionId) {
    return cloud
        .dynamoDb()
        .query(
            r ->
                r.tableName(cloud.physicalName("WebSocketEventsTable"))
                    .keyConditionExpression("connectionId = :id")
                    .expressionAttributeValues(Map.of(":id", AttributeValue.fromS(connectionId))))
        .items();
  }
}
