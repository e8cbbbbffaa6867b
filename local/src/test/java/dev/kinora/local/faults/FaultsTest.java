package dev.kinora.local.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FaultsTest {
  @Test
  void everyFaultIsOffUntilATestTurnsItOn() {
    Faults faults = new Faults(1);

    assertThat(faults.invocationFault("TranscodeFunction")).isEmpty();
    assertThat(faults.s3DeliveryDelaysMillis()).containsExactly(0);
    assertThat(faults.failConnectionPost()).isFalse();
    assertThat(faults.throttleDynamoDbRequest()).isFalse();
    assertThat(faults.invocations("TranscodeFunction")).isEqualTo(1);
  }

  @Test
  void aCertainKillLandsWithinTheBoundAndOnlyOnTheNamedFunction() {
    Faults faults = new Faults(7);
    faults.killInvocations("TranscodeFunction", 1, Duration.ofMillis(300), Faults.Kill.TIMEOUT);

    for (int i = 0; i < 50; i++) {
      Faults.InvocationFault fault = faults.invocationFault("TranscodeFunction").orElseThrow();
      assertThat(fault.kill()).isEqualTo(Faults.Kill.TIMEOUT);
      assertThat(fault.after()).isBetween(Duration.ZERO, Duration.ofMillis(300));
    }
    assertThat(faults.invocationFault("VideosFunction")).isEmpty();
  }

  @Test
  void theSameSeedMakesTheSameChoices() {
    Faults a = new Faults(42).failConnectionPosts(0.5);
    Faults b = new Faults(42).failConnectionPosts(0.5);

    for (int i = 0; i < 100; i++) {
      assertThat(a.failConnectionPost()).isEqualTo(b.failConnectionPost());
    }
    assertThat(a.counted("connections:post-failed")).isBetween(30L, 70L);
  }

  @Test
  void duplicatedS3EventsComeAsManyTimesAsAskedEachWithinTheDelay() {
    Faults faults = new Faults(3).duplicateS3Events(2, Duration.ofSeconds(3));

    long[] delays = faults.s3DeliveryDelaysMillis();

    assertThat(delays).hasSize(2);
    assertThat(Arrays.stream(delays).boxed().toList()).allMatch(d -> d >= 0 && d <= 3000);
    assertThat(faults.counted("s3:extra-copies")).isEqualTo(1);
  }

  @Test
  void clearTurnsEveryFaultOffAndKeepsTheCounts() {
    Faults faults = new Faults(5).failConnectionPosts(1);
    faults.failConnectionPost();

    faults.clear();

    assertThat(faults.failConnectionPost()).isFalse();
    assertThat(faults.counted("connections:post-failed")).isEqualTo(1);
  }

  @Test
  void throttlingWithoutTheProxyIsRefused() {
    assertThatThrownBy(() -> new Faults(1).throttleDynamoDb(0.1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("faultInjection");
  }

  @Test
  void theProxyRefusesThrottledRequestsBeforeTheTableSeesThemAndForwardsTheRest() throws Exception {
    AtomicInteger reachedTable = new AtomicInteger();
    HttpServer table =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    table.createContext(
        "/",
        exchange -> {
          reachedTable.incrementAndGet();
          byte[] body = "{\"Table\":{}}".getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("x-amz-crc32", "0");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    table.start();
    Faults faults = new Faults(9);
    try (ThrottlingDynamoDbProxy proxy =
        ThrottlingDynamoDbProxy.start(
            faults, URI.create("http://127.0.0.1:" + table.getAddress().getPort()))) {
      HttpClient client = HttpClient.newHttpClient();
      HttpRequest request =
          HttpRequest.newBuilder(proxy.endpoint())
              .header("X-Amz-Target", "DynamoDB_20120810.DescribeTable")
              .POST(HttpRequest.BodyPublishers.ofString("{}"))
              .build();

      HttpResponse<String> passed = client.send(request, HttpResponse.BodyHandlers.ofString());
      faults.throttleDynamoDb(1);
      HttpResponse<String> first = client.send(request, HttpResponse.BodyHandlers.ofString());
      HttpResponse<String> second = client.send(request, HttpResponse.BodyHandlers.ofString());

      assertThat(passed.statusCode()).isEqualTo(200);
      assertThat(passed.body()).isEqualTo("{\"Table\":{}}");
      assertThat(first.statusCode()).isEqualTo(400);
      assertThat(first.body()).contains("#ThrottlingException");
      assertThat(second.body()).contains("#ProvisionedThroughputExceededException");
      assertThat(reachedTable).hasValue(1);
      assertThat(faults.counted("dynamodb:throttled")).isEqualTo(2);
    } finally {
      table.stop(0);
    }
  }
}
