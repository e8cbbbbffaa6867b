package dev.kinora.local.http;

import dev.kinora.local.LocalAws;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.http.pathmap.PathSpec;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.PathMappingsHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * One origin for everything, like the CloudFront distribution: {@code /api/*} → HTTP API, {@code
 * /media/*} → media bucket, {@code /_kinora/*} → local admin, anything else → the SPA. More paths
 * (the WebSocket API at {@code /ws}) are added with {@link #mount} before {@link #start}.
 */
public final class FrontDoor implements AutoCloseable {
  private final Server server;
  private final ServerConnector connector;
  private final PathMappingsHandler paths = new PathMappingsHandler();
  private final int port;

  public FrontDoor(int port) {
    QueuedThreadPool threads = new QueuedThreadPool(200, 4);
    threads.setName("front-door");
    threads.setDaemon(true);
    this.server = new Server(threads);
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    http.setSendDateHeader(true);
    // Jetty's own refusal of a malformed URI leaves the body unread and resets the connection, so a
    // client still sending a large body loses the 400; MalformedUriRefusal gives the same answer.
    http.setUriCompliance(UriCompliance.UNSAFE);
    this.connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
    connector.setHost(LocalAws.HOST);
    connector.setPort(port);
    server.addConnector(connector);
    server.setHandler(new MalformedUriRefusal(paths));
    // No graceful drain: an SDK client's idle keep-alive connection would otherwise make every stop
    // wait and then fail with a TimeoutException. A local cloud stops at once, like Ctrl-C.
    server.setStopTimeout(0);
    this.port = port;
  }

  /** The Jetty server, e.g. to build a {@code WebSocketUpgradeHandler} for {@link #mount}. */
  public Server server() {
    return server;
  }

  /**
   * Serves {@code pathSpec} (servlet style: {@code /ws}, {@code /ws/*}) with {@code handler}. Only
   * before the front door starts; more specific specs win over {@code /api/*} and {@code /}.
   */
  public FrontDoor mount(String pathSpec, Handler handler) {
    if (server.isStarted()) {
      throw new IllegalStateException("mount " + pathSpec + " before the front door starts");
    }
    paths.addMapping(PathSpec.from(pathSpec), handler);
    return this;
  }

  /**
   * Responses carry the headers of the first matching behaviour (what CloudFront's response headers
   * policies add). Only before the front door starts.
   */
  public FrontDoor responseHeaders(List<SecurityHeaders.Behaviour> behaviours) {
    if (server.isStarted()) {
      throw new IllegalStateException("set response headers before the front door starts");
    }
    server.setHandler(
        new MalformedUriRefusal(
            behaviours.isEmpty() ? paths : SecurityHeaders.adding(behaviours, paths)));
    return this;
  }

  public void start() throws Exception {
    server.start();
  }

  /** {@code http://127.0.0.1:<port>} */
  public URI url() {
    int actual = connector.getLocalPort() > 0 ? connector.getLocalPort() : port;
    return URI.create("http://" + LocalAws.HOST + ":" + actual);
  }

  @Override
  public void close() throws IOException {
    try {
      server.stop();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      throw new IOException("stopping the front door failed", e);
    }
  }

  /**
   * Refuses what Jetty's default URI compliance refuses (bad UTF-8, an encoded {@code /} or NUL,
   * {@code ..} segments) with the same 400, but only after reading the body to its end, as
   * CloudFront does: the connection then stays usable and the client always receives the answer.
   */
  private static final class MalformedUriRefusal extends Handler.Wrapper {
    MalformedUriRefusal(Handler handler) {
      super(handler);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
      boolean malformed =
          request.getHttpURI().getViolations().stream()
              .anyMatch(violation -> !UriCompliance.DEFAULT.allows(violation));
      if (!malformed) {
        return super.handle(request, response, callback);
      }
      Content.Source.consumeAll(request);
      Response.writeError(request, response, callback, 400, "Malformed request URI");
      return true;
    }
  }
}
