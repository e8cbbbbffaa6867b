package dev.kinora.local.websocket;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;

/**
 * One client connection: the Jetty endpoint that hands frames to its {@link WebSocketApi}, and what
 * {@code GET @connections/{id}} reports about it. Public only because Jetty binds the listener
 * methods through method handles.
 */
public final class Connection implements Session.Listener.AutoDemanding {
  private static final Duration SEND_TIMEOUT = Duration.ofSeconds(10);

  private final WebSocketApi api;
  private final String id;
  private final Instant connectedAt;
  private final String sourceIp;
  private final String userAgent;
  private final String domainName;
  private final Map<String, List<String>> forwardingHeaders;
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile Session session;
  private volatile Instant lastActiveAt;
  private volatile String closedByServer;

  Connection(
      WebSocketApi api,
      String id,
      String sourceIp,
      String userAgent,
      String domainName,
      Map<String, List<String>> forwardingHeaders) {
    this.api = api;
    this.id = id;
    this.connectedAt = Instant.now();
    this.lastActiveAt = connectedAt;
    this.sourceIp = sourceIp;
    this.userAgent = userAgent;
    this.domainName = domainName;
    this.forwardingHeaders = forwardingHeaders;
  }

  String id() {
    return id;
  }

  Instant connectedAt() {
    return connectedAt;
  }

  Instant lastActiveAt() {
    return lastActiveAt;
  }

  String sourceIp() {
    return sourceIp;
  }

  String userAgent() {
    return userAgent;
  }

  String domainName() {
    return domainName;
  }

  /** Host and X-Forwarded-* of the handshake: the headers a {@code $disconnect} event carries. */
  Map<String, List<String>> forwardingHeaders() {
    return forwardingHeaders;
  }

  boolean open() {
    Session current = session;
    return current != null && current.isOpen() && !closed.get();
  }

  /** Sends one text frame and waits until it is written (or the connection turns out gone). */
  boolean send(String text) {
    Session current = session;
    if (current == null || !current.isOpen()) {
      return false;
    }
    CompletableFuture<Void> written = new CompletableFuture<>();
    current.sendText(
        text, Callback.from(() -> written.complete(null), written::completeExceptionally));
    try {
      written.get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      lastActiveAt = Instant.now();
      return true;
    } catch (ExecutionException | TimeoutException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Closes from the server side ({@code DELETE @connections/{id}}, shutdown). */
  void close(int status, String reason) {
    closedByServer = reason;
    Session current = session;
    if (current != null) {
      current.close(status, reason, Callback.NOOP);
    }
  }

  @Override
  public void onWebSocketOpen(Session session) {
    this.session = session;
    api.opened(this);
  }

  @Override
  public void onWebSocketText(String message) {
    lastActiveAt = Instant.now();
    api.received(this, message);
  }

  /** API Gateway does not take binary frames: it closes the connection with 1003. */
  @Override
  public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
    callback.succeed();
    close(StatusCode.BAD_DATA, "Binary frames are not supported");
  }

  @Override
  public void onWebSocketClose(int status, String reason, Callback callback) {
    callback.succeed();
    if (closed.compareAndSet(false, true)) {
      String byServer = closedByServer;
      String why = byServer != null ? byServer : "Client-side close frame status set to " + status;
      api.closed(this, status, why);
    }
  }

  @Override
  public void onWebSocketError(Throwable cause) {
    api.failed(this, cause);
  }
}
