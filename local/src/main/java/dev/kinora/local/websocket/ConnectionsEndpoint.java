package dev.kinora.local.websocket;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kinora.local.faults.Faults;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.api.StatusCode;

/**
 * The {@code @connections} management API ({@code ApiGatewayManagementApiClient} with {@code
 * endpointOverride(<front door>/ws)}): {@code POST} sends the body to the client as a text frame,
 * {@code GET} describes the connection, {@code DELETE} closes it. A connection that is unknown or
 * closed answers 410 {@code GoneException}, as on AWS. Requests are not signature-checked.
 *
 * <p>Anything else under {@code /ws} that is not a WebSocket upgrade answers 426.
 */
final class ConnectionsEndpoint extends Handler.Abstract {
  /** API Gateway's limit for one {@code PostToConnection}. */
  static final int MAX_PAYLOAD_BYTES = 128 * 1024;

  /** {@code /ws[/<ApiLogicalId or stage>]/@connections/<id>}; the SDK may send {@code %40}. */
  private static final Pattern CONNECTION =
      Pattern.compile("/ws(?:/([^/]+))?/(?:@|%40)connections/([^/]+)/?");

  private final Map<String, WebSocketApi> apisByPath;
  private final WebSocketApi first;
  private final Faults faults;

  /**
   * @param apisByPath an API by the path segment after {@code /ws} (its logical id, its stage)
   * @param first the API served at {@code /ws} itself
   */
  ConnectionsEndpoint(Map<String, WebSocketApi> apisByPath, WebSocketApi first) {
    this(apisByPath, first, null);
  }

  /**
   * @param faults test-only: a fraction of POSTs answer API Gateway's 500 without sending (null:
   *     never)
   */
  ConnectionsEndpoint(Map<String, WebSocketApi> apisByPath, WebSocketApi first, Faults faults) {
    super(InvocationType.BLOCKING);
    this.apisByPath = Map.copyOf(apisByPath);
    this.first = first;
    this.faults = faults;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    Matcher match = CONNECTION.matcher(request.getHttpURI().getPath());
    if (!match.matches()) {
      return json(
          response,
          callback,
          426,
          null,
          "{\"message\":\"Upgrade Required: connect with a WebSocket client\"}");
    }
    WebSocketApi api = match.group(1) == null ? first : apisByPath.get(match.group(1));
    if (api == null) {
      return json(response, callback, 404, null, "{\"message\":\"Not Found\"}");
    }
    String connectionId = URLDecoder.decode(match.group(2), StandardCharsets.UTF_8);
    Optional<Connection> connection = api.connection(connectionId);
    if (connection.isEmpty()) {
      return gone(response, callback);
    }
    return switch (request.getMethod()) {
      case "POST" ->
          faults != null && faults.failConnectionPost()
              ? json(
                  response,
                  callback,
                  500,
                  "InternalServerErrorException",
                  "{\"message\":\"Internal server error\"}")
              : post(request, connection.get(), response, callback, faults);
      case "GET" -> json(response, callback, 200, null, describe(connection.get()));
      case "DELETE" -> {
        connection.get().close(StatusCode.NORMAL, "Connection closed by @connections");
        response.setStatus(204);
        callback.succeeded();
        yield true;
      }
      default -> json(response, callback, 405, null, "{\"message\":\"Method Not Allowed\"}");
    };
  }

  private static boolean post(
      Request request, Connection connection, Response response, Callback callback, Faults faults)
      throws Exception {
    byte[] data;
    try (InputStream body = Content.Source.asInputStream(request)) {
      data = body.readNBytes(MAX_PAYLOAD_BYTES + 1);
    }
    if (data.length > MAX_PAYLOAD_BYTES) {
      return json(
          response,
          callback,
          413,
          "PayloadTooLargeException",
          "{\"message\":\"Request entity too large\"}");
    }
    if (!connection.send(new String(data, StandardCharsets.UTF_8))) {
      return gone(response, callback);
    }
    if (faults != null) {
      faults.connectionPostDelivered();
    }
    response.setStatus(200);
    callback.succeeded();
    return true;
  }

  /** {@code GetConnection}'s shape on the wire: camelCase members, ISO-8601 timestamps. */
  private static String describe(Connection connection) {
    ObjectNode json = WebSocketEvents.JSON.createObjectNode();
    json.put("connectedAt", iso(connection.connectedAt()));
    ObjectNode identity = json.putObject("identity");
    identity.put("sourceIp", connection.sourceIp());
    identity.put("userAgent", connection.userAgent());
    json.put("lastActiveAt", iso(connection.lastActiveAt()));
    return json.toString();
  }

  private static String iso(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MILLIS).toString();
  }

  private static boolean gone(Response response, Callback callback) {
    return json(response, callback, 410, "GoneException", "{\"message\":null}");
  }

  private static boolean json(
      Response response, Callback callback, int status, String errorType, String body) {
    response.setStatus(status);
    if (errorType != null) {
      response.getHeaders().put("x-amzn-ErrorType", errorType);
    }
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
    Content.Sink.write(response, true, body, callback);
    return true;
  }
}
