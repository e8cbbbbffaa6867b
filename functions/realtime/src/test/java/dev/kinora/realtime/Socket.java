package dev.kinora.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kinora.shared.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A browser-like WebSocket client ({@code java.net.http.WebSocket}) that keeps what it hears. */
final class Socket implements WebSocket.Listener, AutoCloseable {
  static final Duration WAIT = Duration.ofSeconds(90);

  private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
  private final CompletableFuture<Integer> closed = new CompletableFuture<>();
  private final StringBuilder partial = new StringBuilder();
  private WebSocket socket;

  private Socket() {}

  /** Connects; fails with {@code WebSocketHandshakeException} (in the cause) when refused. */
  static Socket connect(URI uri, String cookie) throws Exception {
    Socket client = new Socket();
    WebSocket.Builder builder =
        HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(15));
    if (cookie != null) {
      builder.header("Cookie", cookie);
    }
    client.socket = builder.buildAsync(uri, client).get(30, TimeUnit.SECONDS);
    return client;
  }

  void send(String text) throws Exception {
    socket.sendText(text, true).get(15, TimeUnit.SECONDS);
  }

  /** The next message as JSON, waiting at most {@link #WAIT}. */
  JsonNode next() throws InterruptedException {
    String message = messages.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
    if (message == null) {
      throw new AssertionError("no message within " + WAIT);
    }
    try {
      return Json.mapper().readTree(message);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
    socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(15, TimeUnit.SECONDS);
    closed.get(15, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    if (!socket.isOutputClosed()) {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
    }
  }
}
