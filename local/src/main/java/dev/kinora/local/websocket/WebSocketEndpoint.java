package dev.kinora.local.websocket;

import java.util.Map;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.server.ServerWebSocketContainer;

/**
 * {@code /ws/*} on the front door: a WebSocket upgrade of {@code /ws} (the first API) or {@code
 * /ws/<ApiLogicalId>} goes to that API's {@code $connect}; everything else to {@code
 * @connections}.
 *
 * <p>Upgrades go through {@link ServerWebSocketContainer#upgrade} with the API's creator rather than
 * path mappings: the front door's {@code PathMappingsHandler} gives requests no context path, which
 * the container's mapping lookup cannot handle.
 */
final class WebSocketEndpoint extends Handler.Wrapper {
  private final ServerWebSocketContainer container;
  private final Map<String, WebSocketApi> apisByPath;
  private final WebSocketApi first;

  WebSocketEndpoint(
      ServerWebSocketContainer container,
      Map<String, WebSocketApi> apisByPath,
      WebSocketApi first,
      Handler connections) {
    super(connections);
    this.container = container;
    this.apisByPath = Map.copyOf(apisByPath);
    this.first = first;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    String path = request.getHttpURI().getPath();
    WebSocketApi api = null;
    if ("/ws".equals(path) || "/ws/".equals(path)) {
      api = first;
    } else if (path.startsWith("/ws/") && path.indexOf('/', 4) < 0) {
      api = apisByPath.get(path.substring(4));
    }
    if (api != null && container.upgrade(api::connect, request, response, callback)) {
      return true;
    }
    return super.handle(request, response, callback);
  }
}
