package dev.kinora.local.websocket;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A browser-like client ({@code java.net.http.WebSocket}) that keeps what the server sends. */
final class WebSocketClient implements WebSocket.Listener, AutoCloseable {
  static final Duration WAIT = Duration.ofSeconds(15);

  private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
  private final CompletableFuture<Integer> closed = new CompletableFuture<>();
  private final StringBuilder partial = new StringBuilder();
  private WebSocket socket;

  private WebSocketClient() {}

  /** Connects; fails with the handshake's {@code WebSocketHandshakeException} when refused. */
  static WebSocketClient connect(HttpClient http, URI uri, String cookie) throws Exception {
    WebSocketClient client = new WebSocketClient();
    WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(WAIT);
    if (cookie != null) {
      builder.header("Cookie", cookie);
    }
    client.socket = builder.buildAsync(uri, client).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    return client;
  }

  void send(String text) throws Exception {
    socket.sendText(text, true).get(WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  /** The next text message, waiting at most {@link #WAIT}. */
  String next() throws InterruptedException {
    String message = messages.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
    if (message == null) {
      throw new AssertionError("no message within " + WAIT);
    }
    return message;
  }

  /** The close status the server sent, waiting at most {@link #WAIT}. */
  int closeStatus() throws Exception {
    return closed.get(WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    partial.append(data);
    if (last) {
      messages.add(partial.toString());
      partial.setLength(0);
    }
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    closed.complete(statusCode);
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    closed.completeExceptionally(error);
  }

  /** Closes from the client side with 1000 and waits for the server's close. */
  void closeNormally() throws Exception {
    socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(WAIT.toSeconds(), TimeUnit.SECONDS);
    closeStatus();
  }

  @Override
  public void close() {
    if (!socket.isOutputClosed()) {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
    }
  }
}
