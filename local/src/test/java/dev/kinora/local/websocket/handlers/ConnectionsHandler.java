package dev.kinora.local.websocket.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;

/**
 * {@code $connect} and {@code $disconnect}: records the event; refuses a connection without a
 * {@code session} cookie with 401, as Kinora's realtime API does.
 */
public final class ConnectionsHandler
    implements RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> {
  private final EventLog log = new EventLog();

  @Override
  public APIGatewayV2WebSocketResponse handleRequest(
      APIGatewayV2WebSocketEvent event, Context context) {
    log.record(event);
    APIGatewayV2WebSocketResponse response = new APIGatewayV2WebSocketResponse();
    boolean signedIn =
        EventLog.header(event, "cookie").filter(c -> c.contains("session=")).isPresent();
    if ("$connect".equals(event.getRequestContext().getRouteKey()) && !signedIn) {
      response.setStatusCode(401);
      response.setBody("{\"message\":\"sign in first\"}");
      return response;
    }
    response.setStatusCode(200);
    return response;
  }
}
