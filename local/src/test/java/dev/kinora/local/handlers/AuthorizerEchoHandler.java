package dev.kinora.local.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.Optional;

/** Answers with {@code requestContext.authorizer.lambda} as the function received it. */
public final class AuthorizerEchoHandler
    implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    Map<String, Object> lambda =
        Optional.ofNullable(event.getRequestContext().getAuthorizer())
            .map(APIGatewayV2HTTPEvent.RequestContext.Authorizer::getLambda)
            .orElse(Map.of());
    try {
      return APIGatewayV2HTTPResponse.builder()
          .withStatusCode(200)
          .withHeaders(Map.of("content-type", "application/json"))
          .withBody(JSON.writeValueAsString(Map.of("lambda", lambda)))
          .build();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
