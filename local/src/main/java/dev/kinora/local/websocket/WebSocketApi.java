package dev.kinora.local.websocket;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kinora.local.runtime.InvocationResult;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.function.BiFunction;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.eclipse.jetty.websocket.server.ServerUpgradeRequest;
import org.eclipse.jetty.websocket.server.ServerUpgradeResponse;

/**
 * One WebSocket API at work: {@code $connect} decides the handshake, every text frame is routed by
 * the {@code RouteSelectionExpression} to its route's function (or {@code $default}), {@code
 * $disconnect} hears about every close, and the open connections are what {@code @connections}
 * reaches.
 */
final class WebSocketApi {
  private static final String FORBIDDEN = "Forbidden";
  private static final String INTERNAL_ERROR = "Internal server error";

  private final WebSocketApiDefinition definition;
  private final WebSocketEvents events;
  private final BiFunction<String, String, InvocationResult> functions;
  private final ExecutorService invocations;
  private final PrintStream logs;
  private final Map<String, Connection> connections = new ConcurrentHashMap<>();
  private volatile boolean stopping;

  /**
   * @param functions invokes a function by logical id with an event's JSON
   * @param invocations runs message and {@code $disconnect} invocations off Jetty's threads
   */
  WebSocketApi(
      WebSocketApiDefinition definition,
      BiFunction<String, String, InvocationResult> functions,
      ExecutorService invocations,
      PrintStream logs) {
    this.definition = definition;
    this.events = new WebSocketEvents(definition);
    this.functions = functions;
    this.invocations = invocations;
    this.logs = logs;
  }

  WebSocketApiDefinition definition() {
    return definition;
  }

  /** An open connection by id; empty when it never existed or is gone (410 for the caller). */
  Optional<Connection> connection(String connectionId) {
    return Optional.ofNullable(connections.get(connectionId)).filter(Connection::open);
  }

  // ---------------------------------------------------------------- $connect

  /**
   * The {@code WebSocketCreator}: runs {@code $connect} while the upgrade waits; a 2xx (or no
   * {@code $connect} route) upgrades, anything else answers the handshake with that status, and a
   * failing function with 500.
   */
  Object connect(ServerUpgradeRequest request, ServerUpgradeResponse response, Callback callback) {
    if (stopping) {
      return refuse(response, callback, 503, "{\"message\":\"Service Unavailable\"}");
    }
    Map<String, List<String>> headers = headers(request);
    String sourceIp = Request.getRemoteAddr(request);
    String host = request.getHeaders().get(HttpHeader.HOST);
    Map<String, List<String>> forwarding = new LinkedHashMap<>();
    for (String name :
        List.of("Host", "X-Forwarded-For", "X-Forwarded-Port", "X-Forwarded-Proto")) {
      forwarding.put(name, headers.get(name));
    }
    Connection connection =
        new Connection(
            this,
            WebSocketEvents.newId(),
            sourceIp,
            request.getHeaders().get(HttpHeader.USER_AGENT),
            host,
            forwarding);
    RouteDefinition route = definition.routes().get(RouteDefinition.CONNECT);
    if (route == null) {
      return connection;
    }
    String requestId = WebSocketEvents.newId();
    String event =
        events
            .connect(connection, new WebSocketEvents.Handshake(headers, query(request)), requestId)
            .toString();
    InvocationResult result = functions.apply(route.functionId(), event);
    if (!(result instanceof InvocationResult.Success success)) {
      logs.println("[websocket] $connect of " + connection.id() + " failed: " + result.payload());
      return refuse(response, callback, 500, "{\"message\":\"" + INTERNAL_ERROR + "\"}");
    }
    ProxyResponse answer = ProxyResponse.parse(success.payload());
    if (answer.statusCode() / 100 != 2) {
      return refuse(response, callback, answer.statusCode(), answer.body());
    }
    answer.header("Sec-WebSocket-Protocol").ifPresent(response::setAcceptedSubProtocol);
    return connection;
  }

  private static Object refuse(
      ServerUpgradeResponse response, Callback callback, int status, String body) {
    response.setStatus(status);
    String content = body == null ? "" : body;
    if (!content.isEmpty()) {
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    }
    response.write(true, ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8)), callback);
    return null;
  }

  /**
   * Headers as the client sent them plus what API Gateway adds in front of the integration
   * (X-Forwarded-*, X-Amzn-Trace-Id).
   */
  private static Map<String, List<String>> headers(Request request) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (HttpField field : request.getHeaders()) {
      headers.computeIfAbsent(field.getName(), k -> new ArrayList<>()).add(field.getValue());
    }
    headers.put("X-Amzn-Trace-Id", List.of(WebSocketEvents.traceId()));
    headers.put("X-Forwarded-For", List.of(Request.getRemoteAddr(request)));
    headers.put("X-Forwarded-Port", List.of(String.valueOf(Request.getLocalPort(request))));
    headers.put("X-Forwarded-Proto", List.of(request.isSecure() ? "https" : "http"));
    return headers;
  }

  private static Map<String, List<String>> query(Request request) {
    Map<String, List<String>> query = new LinkedHashMap<>();
    Fields fields = Request.extractQueryParameters(request, StandardCharsets.UTF_8);
    for (Fields.Field field : fields) {
      query.put(field.getName(), List.copyOf(field.getValues()));
    }
    return query;
  }

  // ---------------------------------------------------------------- messages

  void opened(Connection connection) {
    connections.put(connection.id(), connection);
  }

  void received(Connection connection, String body) {
    invocations.execute(() -> route(connection, body));
  }

  private void route(Connection connection, String body) {
    String requestId = WebSocketEvents.newId();
    String routeKey =
        definition
            .routeSelection()
            .select(body)
            .filter(key -> !key.equals(RouteDefinition.CONNECT))
            .filter(key -> !key.equals(RouteDefinition.DISCONNECT))
            .filter(definition.routes()::containsKey)
            .orElse(RouteDefinition.DEFAULT);
    RouteDefinition route = definition.routes().get(routeKey);
    if (route == null) {
      connection.send(WebSocketEvents.gatewayError(FORBIDDEN, connection.id(), requestId));
      return;
    }
    String event = events.message(connection, routeKey, body, requestId).toString();
    InvocationResult result = functions.apply(route.functionId(), event);
    if (!(result instanceof InvocationResult.Success success)) {
      logs.println(
          "[websocket] route " + routeKey + " of " + connection.id() + ": " + result.payload());
      connection.send(WebSocketEvents.gatewayError(INTERNAL_ERROR, connection.id(), requestId));
      return;
    }
    if (route.twoWay()) {
      String answer = ProxyResponse.parse(success.payload()).body();
      if (answer != null) {
        connection.send(answer);
      }
    }
  }

  // ---------------------------------------------------------------- $disconnect

  void closed(Connection connection, int status, String reason) {
    connections.remove(connection.id(), connection);
    RouteDefinition route = definition.routes().get(RouteDefinition.DISCONNECT);
    if (route == null || stopping) {
      return;
    }
    invocations.execute(
        () -> {
          String event =
              events.disconnect(connection, status, reason, WebSocketEvents.newId()).toString();
          InvocationResult result = functions.apply(route.functionId(), event);
          if (result instanceof InvocationResult.Failure failure) {
            logs.println(
                "[websocket] $disconnect of " + connection.id() + " failed: " + failure.payload());
          }
        });
  }

  void failed(Connection connection, Throwable cause) {
    logs.println(
        String.format(
            Locale.ROOT, "[websocket] connection %s: %s", connection.id(), cause.getMessage()));
  }

  /** Closes every connection without running {@code $disconnect}: the local cloud is stopping. */
  void stop() {
    stopping = true;
    connections.values().forEach(c -> c.close(StatusCode.SHUTDOWN, "Going away"));
    connections.clear();
  }

  /**
   * What a Lambda proxy integration returned: {@code statusCode}, {@code headers}, {@code body}.
   */
  record ProxyResponse(int statusCode, Map<String, String> headers, String body) {
    static ProxyResponse parse(String payload) {
      JsonNode json;
      try {
        json = WebSocketEvents.JSON.readTree(payload);
      } catch (java.io.IOException e) {
        return new ProxyResponse(200, Map.of(), null);
      }
      if (json == null || !json.isObject()) {
        return new ProxyResponse(200, Map.of(), null);
      }
      JsonNode status = json.get("statusCode");
      Map<String, String> headers = new LinkedHashMap<>();
      JsonNode declared = json.get("headers");
      if (declared != null && declared.isObject()) {
        declared.properties().forEach(e -> headers.put(e.getKey(), e.getValue().asText()));
      }
      JsonNode body = json.get("body");
      return new ProxyResponse(
          status == null || status.isNull() ? 200 : status.asInt(200),
          headers,
          body == null || body.isNull() ? null : body.asText());
    }

    Optional<String> header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(Map.Entry::getValue)
          .findFirst();
    }
  }
}
