package dev.kinora.local.websocket;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The events API Gateway hands a WebSocket route's Lambda proxy integration ({@code
 * APIGatewayV2WebSocketEvent} in aws-lambda-java-events): {@code CONNECT} with the handshake's
 * headers and query string, {@code MESSAGE} with the frame's text, {@code DISCONNECT} with the
 * close status and reason.
 */
final class WebSocketEvents {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final DateTimeFormatter REQUEST_TIME =
      DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH)
          .withZone(ZoneOffset.UTC);

  private final WebSocketApiDefinition api;

  WebSocketEvents(WebSocketApiDefinition api) {
    this.api = api;
  }

  /**
   * A connection, request or message id shaped like API Gateway's: 16 characters of URL-safe base64
   * ending in {@code =} (e.g. {@code L0SM9cOFvHcCIhw=}).
   */
  static String newId() {
    byte[] bytes = new byte[11];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().encodeToString(bytes);
  }

  /** The {@code $connect} event: the upgrade request's headers and query string. */
  ObjectNode connect(Connection connection, Handshake handshake, String requestId) {
    ObjectNode event = JSON.createObjectNode();
    headers(event, handshake.headers());
    if (!handshake.query().isEmpty()) {
      ObjectNode single = event.putObject("queryStringParameters");
      ObjectNode multi = event.putObject("multiValueQueryStringParameters");
      handshake
          .query()
          .forEach(
              (name, values) -> {
                single.put(name, values.getLast());
                values.forEach(multi.putArray(name)::add);
              });
    }
    requestContext(event, connection, RouteDefinition.CONNECT, "CONNECT", requestId);
    event.put("isBase64Encoded", false);
    return event;
  }

  /** A message routed to {@code routeKey}. */
  ObjectNode message(Connection connection, String routeKey, String body, String requestId) {
    ObjectNode event = JSON.createObjectNode();
    ObjectNode context = requestContext(event, connection, routeKey, "MESSAGE", requestId);
    context.put("messageId", newId());
    event.put("body", body);
    event.put("isBase64Encoded", false);
    return event;
  }

  /** The {@code $disconnect} event, after either side closed the connection. */
  ObjectNode disconnect(Connection connection, int status, String reason, String requestId) {
    ObjectNode event = JSON.createObjectNode();
    headers(event, connection.forwardingHeaders());
    ObjectNode context =
        requestContext(event, connection, RouteDefinition.DISCONNECT, "DISCONNECT", requestId);
    context.put("disconnectStatusCode", status);
    context.put("disconnectReason", reason);
    event.put("isBase64Encoded", false);
    return event;
  }

  /** {@code {"message": "Forbidden", "connectionId": …, "requestId": …}} as API Gateway sends. */
  static String gatewayError(String message, String connectionId, String requestId) {
    ObjectNode error = JSON.createObjectNode();
    error.put("message", message);
    error.put("connectionId", connectionId);
    error.put("requestId", requestId);
    return error.toString();
  }

  /** An X-Ray style trace header, as API Gateway adds to the handshake. */
  static String traceId() {
    byte[] bytes = new byte[12];
    RANDOM.nextBytes(bytes);
    return "Root=1-"
        + Long.toHexString(System.currentTimeMillis() / 1000)
        + "-"
        + HexFormat.of().formatHex(bytes);
  }

  private static void headers(ObjectNode event, Map<String, List<String>> headers) {
    ObjectNode single = event.putObject("headers");
    ObjectNode multi = event.putObject("multiValueHeaders");
    headers.forEach(
        (name, values) -> {
          single.put(name, values.getLast());
          values.forEach(multi.putArray(name)::add);
        });
  }

  private ObjectNode requestContext(
      ObjectNode event,
      Connection connection,
      String routeKey,
      String eventType,
      String requestId) {
    long now = System.currentTimeMillis();
    ObjectNode context = event.putObject("requestContext");
    context.put("routeKey", routeKey);
    context.put("eventType", eventType);
    context.put("extendedRequestId", requestId);
    context.put("requestTime", REQUEST_TIME.format(Instant.ofEpochMilli(now)));
    context.put("messageDirection", "IN");
    context.put("stage", api.stage());
    context.put("connectedAt", connection.connectedAt().toEpochMilli());
    context.put("requestTimeEpoch", now);
    ObjectNode identity = context.putObject("identity");
    identity.put("userAgent", connection.userAgent());
    identity.put("sourceIp", connection.sourceIp());
    context.put("requestId", requestId);
    context.put("domainName", connection.domainName());
    context.put("connectionId", connection.id());
    context.put("apiId", api.apiId());
    return context;
  }

  /**
   * What the upgrade request carried.
   *
   * @param headers by name as sent, every value in order
   * @param query decoded query parameters, every value in order
   */
  record Handshake(Map<String, List<String>> headers, Map<String, List<String>> query) {}
}
