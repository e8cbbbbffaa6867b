package dev.kinora.local.websocket;

/**
 * One {@code AWS::ApiGatewayV2::Route} of a WebSocket API with its Lambda proxy integration.
 *
 * @param routeKey {@code $connect}, {@code $disconnect}, {@code $default} or a custom key
 * @param functionId the logical id of the function its {@code AWS_PROXY} integration invokes
 * @param authorizationType {@code NONE}, {@code AWS_IAM} or {@code CUSTOM} (only reported locally)
 * @param twoWay whether the route has a route response, so the function's body goes back to the
 *     client (AWS needs both {@code RouteResponseSelectionExpression} and a {@code RouteResponse})
 */
record RouteDefinition(
    String routeKey, String functionId, String authorizationType, boolean twoWay) {
  static final String CONNECT = "$connect";
  static final String DISCONNECT = "$disconnect";
  static final String DEFAULT = "$default";
}
