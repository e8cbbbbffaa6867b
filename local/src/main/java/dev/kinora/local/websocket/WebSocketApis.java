package dev.kinora.local.websocket;

import dev.kinora.local.LocalCloud;
import dev.kinora.local.events.EventSource;
import dev.kinora.local.runtime.LambdaFunction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.websocket.server.ServerWebSocketContainer;

/**
 * The template's WebSocket APIs ({@code AWS::ApiGatewayV2::Api} with {@code ProtocolType:
 * WEBSOCKET}) on the front door: the first at {@code /ws}, every one at {@code /ws/<LogicalId>},
 * each with its {@code @connections} management API under the same path.
 *
 * <p>Functions reach the management API through the URL the template gives them: {@code Ref} of the
 * API is its id, {@code Ref} of its stage the stage name, {@code GetAtt Api.ApiEndpoint} its {@code
 * wss://} endpoint, and an environment value holding {@code
 * https://<apiId>.execute-api.<region>.amazonaws.com/<stage>} (or the {@code wss://} form) is
 * rewritten to the local {@code http://…/ws} ({@code ws://…/ws}).
 */
public final class WebSocketApis implements EventSource {
  /** API Gateway closes a connection after 10 minutes without messages. */
  static final Duration IDLE_TIMEOUT = Duration.ofMinutes(10);

  /** API Gateway's limits: 128 KB per message, 32 KB per frame (larger ones close with 1009). */
  static final int MAX_MESSAGE_BYTES = 128 * 1024;

  static final int MAX_FRAME_BYTES = 32 * 1024;

  private final List<WebSocketApi> apis = new ArrayList<>();
  private ExecutorService invocations;

  @Override
  public String name() {
    return "websocket";
  }

  @Override
  public void start(LocalCloud cloud) {
    Map<String, String> functionIds = new LinkedHashMap<>();
    for (Map.Entry<String, LambdaFunction> function : cloud.functions().entrySet()) {
      functionIds.put(function.getValue().spec().functionName(), function.getKey());
    }
    List<WebSocketApiDefinition> definitions =
        WebSocketApiDefinition.read(cloud.stack(), functionIds, cloud.logs());
    if (definitions.isEmpty() || cloud.frontDoor() == null) {
      return;
    }
    invocations = Executors.newVirtualThreadPerTaskExecutor();
    Map<String, WebSocketApi> byPath = new LinkedHashMap<>();
    for (WebSocketApiDefinition definition : definitions) {
      WebSocketApi api = new WebSocketApi(definition, cloud::invoke, invocations, cloud.logs());
      apis.add(api);
      byPath.putIfAbsent(definition.logicalId(), api);
    }
    WebSocketApi first = apis.getFirst();
    byPath.putIfAbsent(first.definition().stage(), first);

    String frontDoor = cloud.frontDoor().url().toString();
    ServerWebSocketContainer container =
        ServerWebSocketContainer.ensure(cloud.frontDoor().server());
    container.setIdleTimeout(IDLE_TIMEOUT);
    container.setMaxTextMessageSize(MAX_MESSAGE_BYTES);
    container.setMaxBinaryMessageSize(MAX_MESSAGE_BYTES);
    container.setMaxFrameSize(MAX_FRAME_BYTES);
    cloud
        .frontDoor()
        .mount(
            "/ws/*",
            new WebSocketEndpoint(
                container,
                byPath,
                first,
                new ConnectionsEndpoint(byPath, first, cloud.faultInjection().orElse(null))));

    for (WebSocketApi api : apis) {
      WebSocketApiDefinition definition = api.definition();
      String path = api == first ? "/ws" : "/ws/" + definition.logicalId();
      String local = frontDoor + path;
      cloud.rewriteEnvironmentValues(localEndpoint(definition, local));
      cloud
          .logs()
          .printf(
              "[websocket] %s (%s, stage %s) at %s, routes %s%n",
              definition.logicalId(),
              definition.apiId(),
              definition.stage(),
              local.replaceFirst("^http", "ws"),
              definition.routes().keySet());
    }
  }

  /**
   * Rewrites {@code https://<apiId>.execute-api.<region>.amazonaws.com/<stage>} to {@code <front
   * door>/ws…} and the {@code wss://} form to {@code ws://…}, wherever it appears in a value.
   */
  static UnaryOperator<String> localEndpoint(WebSocketApiDefinition definition, String localHttp) {
    Pattern aws =
        Pattern.compile(
            "(https|wss)://"
                + Pattern.quote(definition.apiId())
                + "\\.execute-api\\.[a-z0-9-]+\\.amazonaws\\.com(/"
                + Pattern.quote(definition.stage())
                + ")?");
    String localWs = localHttp.replaceFirst("^http", "ws");
    return value -> {
      Matcher matcher = aws.matcher(value);
      StringBuilder rewritten = new StringBuilder();
      while (matcher.find()) {
        String local = "https".equals(matcher.group(1)) ? localHttp : localWs;
        matcher.appendReplacement(rewritten, Matcher.quoteReplacement(local));
      }
      matcher.appendTail(rewritten);
      return rewritten.toString();
    };
  }

  @Override
  public void close() {
    apis.forEach(WebSocketApi::stop);
    if (invocations != null) {
      invocations.shutdown();
      try {
        invocations.awaitTermination(2, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
