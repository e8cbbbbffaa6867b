package dev.kinora.local.faults;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32;

/**
 * Sits between the functions and the DynamoDB server (their {@code AWS_ENDPOINT_URL_DYNAMODB}
 * points here) and forwards every request unchanged, except the fraction {@link
 * Faults#throttleDynamoDbRequest} picks: those are answered at once with DynamoDB's 400 {@code
 * ThrottlingException} or {@code ProvisionedThroughputExceededException} (alternating) and never
 * reach the table, exactly as DynamoDB refuses a throttled request before applying it. What happens
 * next is the SDK's retry policy and the code around it.
 */
public final class ThrottlingDynamoDbProxy implements AutoCloseable {
  private static final Set<String> HOP_BY_HOP =
      Set.of("host", "content-length", "connection", "transfer-encoding", "expect", "upgrade");
  private static final List<String> THROTTLING_ERRORS =
      List.of("ThrottlingException", "ProvisionedThroughputExceededException");

  private final Faults faults;
  private final URI target;
  private final HttpServer server;
  private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
  private final HttpClient client;
  private final AtomicLong throttled = new AtomicLong();

  private ThrottlingDynamoDbProxy(Faults faults, URI target) throws IOException {
    this.faults = faults;
    this.target = target;
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .executor(threads)
            .build();
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::exchange);
    server.setExecutor(threads);
    server.start();
    faults.proxied();
  }

  /** Starts a proxy for {@code target} on a free loopback port. */
  public static ThrottlingDynamoDbProxy start(Faults faults, URI target) throws IOException {
    return new ThrottlingDynamoDbProxy(faults, target);
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  private void exchange(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      if ("POST".equals(exchange.getRequestMethod()) && faults.throttleDynamoDbRequest()) {
        String type = THROTTLING_ERRORS.get((int) (throttled.getAndIncrement() % 2));
        send(
            exchange,
            400,
            String.format(
                    Locale.ROOT,
                    "{\"__type\":\"com.amazonaws.dynamodb.v20120810#%s\",\"message\":\"%s\"}",
                    type,
                    "Rate of requests exceeds the allowed throughput (kinora fault injection)")
                .getBytes(StandardCharsets.UTF_8));
        return;
      }
      faults.dynamoDbRequestPassed();
      forward(exchange, body);
    }
  }

  private void forward(HttpExchange exchange, byte[] body) throws IOException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(target.resolve(exchange.getRequestURI().toString()))
            .timeout(Duration.ofMinutes(2))
            .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
    exchange
        .getRequestHeaders()
        .forEach(
            (name, values) -> {
              if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> request.header(name, value));
              }
            });
    HttpResponse<byte[]> response;
    try {
      response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted forwarding to DynamoDB", e);
    }
    response
        .headers()
        .map()
        .forEach(
            (name, values) -> {
              if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))
                  && !name.startsWith(":")
                  && !"date".equalsIgnoreCase(name)) {
                exchange.getResponseHeaders().put(name, values);
              }
            });
    byte[] answer = response.body();
    exchange.sendResponseHeaders(response.statusCode(), answer.length == 0 ? -1 : answer.length);
    if (answer.length > 0) {
      exchange.getResponseBody().write(answer);
    }
  }

  private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
    CRC32 crc = new CRC32();
    crc.update(body);
    exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.0");
    exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
    exchange.getResponseHeaders().set("x-amz-crc32", Long.toString(crc.getValue()));
    exchange.sendResponseHeaders(status, body.length);
    exchange.getResponseBody().write(body);
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
