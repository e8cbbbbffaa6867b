package dev.kinora.local.websocket;

import dev.kinora.local.LocalAws;
import dev.kinora.local.resources.StackResolver;
import dev.kinora.local.template.Resource;
import dev.kinora.local.template.Template;
import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code AWS::ApiGatewayV2::Api} with {@code ProtocolType: WEBSOCKET}, read from the template
 * together with its stage, routes, Lambda proxy integrations and route responses.
 *
 * @param apiId a stable, AWS-shaped id ({@code Ref} and {@code GetAtt ApiId} of the API)
 * @param stage the {@code StageName} of its {@code AWS::ApiGatewayV2::Stage}
 * @param routes by route key
 */
record WebSocketApiDefinition(
    String logicalId,
    String apiId,
    String stage,
    RouteSelection routeSelection,
    Map<String, RouteDefinition> routes) {
  static final String API = "AWS::ApiGatewayV2::Api";
  static final String STAGE = "AWS::ApiGatewayV2::Stage";
  static final String ROUTE = "AWS::ApiGatewayV2::Route";
  static final String INTEGRATION = "AWS::ApiGatewayV2::Integration";
  static final String ROUTE_RESPONSE = "AWS::ApiGatewayV2::RouteResponse";

  /** Resources whose {@code Ref} is a generated id on AWS (the API's own id is 10 characters). */
  private static final List<String> CHILD_TYPES =
      List.of(
          ROUTE,
          INTEGRATION,
          ROUTE_RESPONSE,
          "AWS::ApiGatewayV2::IntegrationResponse",
          "AWS::ApiGatewayV2::Deployment",
          "AWS::ApiGatewayV2::Authorizer");

  /** {@code arn:aws:lambda:<region>:<account>:function:<name>} inside an integration URI. */
  private static final Pattern FUNCTION_ARN = Pattern.compile(":function:([^/:]+)");

  private static final Pattern TARGET = Pattern.compile("integrations/(.+)");

  /**
   * Reads every WebSocket API of the stack and teaches {@code stack} their {@code Ref}s and {@code
   * GetAtt}s (API id, {@code ApiEndpoint}, stage name, route and integration ids), so templates
   * that build the management endpoint with {@code !Sub} resolve.
   *
   * @param functionIds physical function name → logical id
   */
  static List<WebSocketApiDefinition> read(
      StackResolver stack, Map<String, String> functionIds, PrintStream logs) {
    Template template = stack.template();
    List<Resource> apis = new ArrayList<>();
    for (Resource api : template.resourcesOfType(API)) {
      Object protocol = stack.resolve(api.properties().get("ProtocolType"));
      if (stack.exists(api) && "WEBSOCKET".equals(protocol)) {
        String apiId = generatedId(api.logicalId(), 10);
        stack.define(api.logicalId(), apiId);
        stack.defineAttribute(api.logicalId(), "ApiId", apiId);
        stack.defineAttribute(
            api.logicalId(),
            "ApiEndpoint",
            "wss://" + apiId + ".execute-api." + LocalAws.REGION + ".amazonaws.com");
        apis.add(api);
      }
    }
    if (apis.isEmpty()) {
      return List.of();
    }
    for (String type : CHILD_TYPES) {
      for (Resource child : template.resourcesOfType(type)) {
        stack.define(child.logicalId(), generatedId(child.logicalId(), 7));
      }
    }
    for (Resource stage : template.resourcesOfType(STAGE)) {
      Object name = stack.resolve(stage.properties().get("StageName"));
      stack.define(stage.logicalId(), name == null ? "$default" : String.valueOf(name));
    }
    List<WebSocketApiDefinition> definitions = new ArrayList<>();
    for (Resource api : apis) {
      definitions.add(definition(api, stack, functionIds, logs));
    }
    return List.copyOf(definitions);
  }

  private static WebSocketApiDefinition definition(
      Resource api, StackResolver stack, Map<String, String> functionIds, PrintStream logs) {
    Template template = stack.template();
    String apiId = String.valueOf(stack.ref(api.logicalId()));
    String where = "[websocket] " + api.logicalId() + ": ";

    String stage = null;
    for (Resource candidate : children(template, STAGE, apiId, stack)) {
      stage = String.valueOf(stack.ref(candidate.logicalId()));
      break;
    }
    if (stage == null) {
      stage = "local";
      logs.println(where + "no AWS::ApiGatewayV2::Stage; using stage name \"local\"");
    }

    Map<String, String> integrations = new LinkedHashMap<>();
    for (Resource integration : children(template, INTEGRATION, apiId, stack)) {
      Object type = stack.resolve(integration.properties().get("IntegrationType"));
      Object uri = stack.resolve(integration.properties().get("IntegrationUri"));
      Matcher function = FUNCTION_ARN.matcher(String.valueOf(uri));
      String functionId = function.find() ? functionIds.get(function.group(1)) : null;
      if (!"AWS_PROXY".equals(type) || functionId == null) {
        logs.println(
            where
                + "integration "
                + integration.logicalId()
                + " ("
                + type
                + " "
                + uri
                + ") is not a Lambda proxy integration of this stack; its routes are left out");
        continue;
      }
      integrations.put(String.valueOf(stack.ref(integration.logicalId())), functionId);
    }

    List<String> answeredRoutes = new ArrayList<>();
    for (Resource response : children(template, ROUTE_RESPONSE, apiId, stack)) {
      answeredRoutes.add(String.valueOf(stack.resolve(response.properties().get("RouteId"))));
    }

    Map<String, RouteDefinition> routes = new LinkedHashMap<>();
    for (Resource route : children(template, ROUTE, apiId, stack)) {
      Map<String, Object> p = route.properties();
      String routeKey = String.valueOf(stack.resolve(p.get("RouteKey")));
      Matcher target = TARGET.matcher(String.valueOf(stack.resolve(p.get("Target"))));
      String functionId = target.matches() ? integrations.get(target.group(1)) : null;
      if (functionId == null) {
        logs.println(where + "route " + routeKey + " has no Lambda proxy target; left out");
        continue;
      }
      Object authorization = stack.resolve(p.get("AuthorizationType"));
      String authorizationType =
          authorization == null ? "NONE" : String.valueOf(authorization).toUpperCase(Locale.ROOT);
      if (!"NONE".equals(authorizationType)) {
        logs.println(
            where
                + "route "
                + routeKey
                + " asks for "
                + authorizationType
                + " authorization, which the local cloud does not enforce");
      }
      boolean selectsResponse = p.get("RouteResponseSelectionExpression") != null;
      boolean hasResponse = answeredRoutes.contains(String.valueOf(stack.ref(route.logicalId())));
      if (selectsResponse != hasResponse) {
        logs.println(
            where
                + "route "
                + routeKey
                + " needs both RouteResponseSelectionExpression and an"
                + " AWS::ApiGatewayV2::RouteResponse to answer the client; it answers nothing");
      }
      routes.put(
          routeKey,
          new RouteDefinition(
              routeKey, functionId, authorizationType, selectsResponse && hasResponse));
    }

    Object expression = stack.resolve(api.properties().get("RouteSelectionExpression"));
    return new WebSocketApiDefinition(
        api.logicalId(),
        apiId,
        stage,
        RouteSelection.parse(
            expression == null ? "$request.body.action" : String.valueOf(expression)),
        Collections.unmodifiableMap(routes));
  }

  /** The resources of {@code type} whose {@code ApiId} resolves to {@code apiId}. */
  private static List<Resource> children(
      Template template, String type, String apiId, StackResolver stack) {
    return template.resourcesOfType(type).stream()
        .filter(stack::exists)
        .filter(
            r -> Objects.equals(apiId, String.valueOf(stack.resolve(r.properties().get("ApiId")))))
        .toList();
  }

  /**
   * A lower-case alphanumeric id derived from the logical id: shaped like AWS's, stable across
   * restarts so URLs and logs stay the same.
   */
  static String generatedId(String logicalId, int length) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest((LocalAws.STACK_NAME + "/" + logicalId).getBytes(StandardCharsets.UTF_8));
      String id = new BigInteger(1, digest).toString(36);
      return id.substring(0, length);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }
}
