package dev.kinora.realtime;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.kinora.shared.contract.Contract;
import dev.kinora.shared.contract.ErrorCode;
import dev.kinora.shared.contract.ValidationIssue;
import dev.kinora.shared.json.Json;
import dev.kinora.shared.model.ApiError;
import dev.kinora.shared.model.ErrorDetails;
import dev.kinora.shared.model.ErrorEnvelope;
import dev.kinora.shared.realtime.RealtimeMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The WebSocket API's one function: {@code $connect} (session cookie required), {@code
 * $disconnect}, {@code subscribe} / {@code unsubscribe} (schema {@code RealtimeClientMessage}) and
 * {@code $default}. Message routes answer in the body, which API Gateway sends back on the socket
 * (each route has a route response in template.yaml).
 */
public final class RealtimeApi
    implements RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> {
  static final String CLIENT_MESSAGE = "RealtimeClientMessage";

  private final RealtimeService realtime;
  private final Contract contract;

  /** The constructor Lambda calls. */
  public RealtimeApi() {
    this(Wiring.fromEnvironment());
  }

  private RealtimeApi(Wiring wiring) {
    this(wiring.realtimeService(), wiring.contract());
  }

  RealtimeApi(RealtimeService realtime, Contract contract) {
    this.realtime = realtime;
    this.contract = contract;
  }

  /** The handler over explicit wiring (the shaded-jar smoke test uses it). */
  public static RealtimeApi using(Wiring wiring) {
    return new RealtimeApi(wiring);
  }

  @Override
  public APIGatewayV2WebSocketResponse handleRequest(
      APIGatewayV2WebSocketEvent event, Context context) {
    var request = event.getRequestContext();
    String connectionId = request.getConnectionId();
    return switch (request.getRouteKey()) {
      case "$connect" -> connect(connectionId, event.getHeaders());
      case "$disconnect" -> {
        realtime.disconnect(connectionId);
        yield status(200, null);
      }
      case "subscribe", "unsubscribe" -> answer(message(connectionId, event.getBody()));
      default -> answer(unknownAction(event.getBody()));
    };
  }

  private APIGatewayV2WebSocketResponse connect(String connectionId, Map<String, String> headers) {
    if (realtime.connect(connectionId, cookies(headers)).isPresent()) {
      return status(200, null);
    }
    return status(
        401,
        Json.write(
            new ErrorEnvelope(
                new ApiError(
                    ErrorCode.UNAUTHORIZED, "Sign in to follow your videos", null, null))));
  }

  private RealtimeMessage message(String connectionId, String body) {
    JsonNode json;
    try {
      json = Json.mapper().readTree(body == null ? "" : body);
    } catch (JsonProcessingException e) {
      return invalid(null, List.of(new ValidationIssue("", "Send a JSON object")));
    }
    String action = json == null ? null : json.path("action").asText(null);
    List<ValidationIssue> issues = contract.validate(CLIENT_MESSAGE, json);
    if (!issues.isEmpty()) {
      return invalid(action, issues);
    }
    String videoId = json.get("videoId").asText();
    return "subscribe".equals(action)
        ? realtime.subscribe(connectionId, videoId)
        : realtime.unsubscribe(connectionId, videoId);
  }

  /** {@code $default}: not JSON, or an action the API does not have. */
  private RealtimeMessage unknownAction(String body) {
    String action = null;
    try {
      JsonNode json = Json.mapper().readTree(body == null ? "" : body);
      action = json == null ? null : json.path("action").asText(null);
    } catch (JsonProcessingException notJson) {
      // reported below like any other message without a known action
    }
    return invalid(
        action,
        List.of(
            new ValidationIssue(
                "/action", "Send {\"action\": \"subscribe\" or \"unsubscribe\", \"videoId\": …}")));
  }

  private static RealtimeMessage invalid(String action, List<ValidationIssue> issues) {
    return new RealtimeMessage.Refused(
        action,
        null,
        new ApiError(
            ErrorCode.VALIDATION_ERROR,
            "This message is not one the realtime API understands",
            ErrorDetails.ofIssues(issues),
            null));
  }

  /** The {@code Cookie} header as {@code name=value} entries; header names may have any case. */
  static List<String> cookies(Map<String, String> headers) {
    var cookies = new ArrayList<String>();
    if (headers == null) {
      return cookies;
    }
    headers.forEach(
        (name, value) -> {
          if ("cookie".equalsIgnoreCase(name) && value != null) {
            for (String cookie : value.split(";")) {
              cookies.add(cookie.strip());
            }
          }
        });
    return cookies;
  }

  private static APIGatewayV2WebSocketResponse answer(RealtimeMessage message) {
    return status(200, Json.write(message));
  }

  private static APIGatewayV2WebSocketResponse status(int status, String body) {
    var response = new APIGatewayV2WebSocketResponse();
    response.setStatusCode(status);
    response.setBody(body);
    return response;
  }
}
