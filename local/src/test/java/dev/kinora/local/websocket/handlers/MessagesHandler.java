package dev.kinora.local.websocket.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/** Every message route: records the event and answers with the route it was reached by. */
public final class MessagesHandler
    implements RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final EventLog log = new EventLog();

  @Override
  public APIGatewayV2WebSocketResponse handleRequest(
      APIGatewayV2WebSocketEvent event, Context context) {
    log.record(event);
    Map<String, Object> seen = new LinkedHashMap<>();
    seen.put("routeKey", event.getRequestContext().getRouteKey());
    seen.put("eventType", event.getRequestContext().getEventType());
    seen.put("connectionId", event.getRequestContext().getConnectionId());
    seen.put("body", event.getBody());
    APIGatewayV2WebSocketResponse response = new APIGatewayV2WebSocketResponse();
    response.setStatusCode(200);
    try {
      response.setBody(JSON.writeValueAsString(seen));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    return response;
  }
}
