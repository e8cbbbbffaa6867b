package dev.kinora.bench.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against a small storage stand-in that keeps every PUT body and counts requests in flight. */
class PartUploaderTest {
  private static final int CHUNK = 1000;

  private HttpServer server;
  private final Map<String, byte[]> stored = new ConcurrentHashMap<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();
  private volatile int status = 200;

  @BeforeEach
  void startStorage() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(8));
    server.createContext(
        "/",
        exchange -> {
          maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
          try {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Thread.sleep(20); // long enough for the other workers' parts to overlap
            stored.put(exchange.getRequestURI().getPath(), body);
            exchange.getResponseHeaders().add("ETag", "\"etag\"");
            exchange.sendResponseHeaders(status, -1);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          } finally {
            inFlight.decrementAndGet();
            exchange.close();
          }
        });
    server.start();
  }

  @AfterEach
  void stopStorage() {
    server.stop(0);
  }

  private List<UploadApiClient.PartUrl> urls(int parts) {
    List<UploadApiClient.PartUrl> urls = new ArrayList<>();
    for (int n = 1; n <= parts; n++) {
      urls.add(
          new UploadApiClient.PartUrl(
              n,
              URI.create(
                  "http://127.0.0.1:" + server.getAddress().getPort() + "/bucket/part-" + n)));
    }
    return urls;
  }

  @Test
  void everyPartCarriesItsSliceOfTheFileWithAtMostParallelInFlight(@TempDir Path dir)
      throws Exception {
    long size = 7 * CHUNK + 123;
    Path file = SourceFile.write(dir.resolve("source.bin"), size);
    byte[] all = Files.readAllBytes(file);

    try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
      List<PartUploader.PartTime> times =
          new PartUploader(http, 3).upload(file, size, CHUNK, urls(8));

      assertThat(times)
          .extracting(PartUploader.PartTime::partNumber)
          .containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
      assertThat(times.get(7).bytes()).isEqualTo(123);
    }
    for (int n = 1; n <= 8; n++) {
      int from = (n - 1) * CHUNK;
      assertThat(stored.get("/bucket/part-" + n))
          .as("part %d", n)
          .isEqualTo(Arrays.copyOfRange(all, from, (int) Math.min(size, from + CHUNK)));
    }
    assertThat(maxInFlight.get()).isBetween(1, 3);
  }

  @Test
  void aPartTheStorageRefusesFailsTheUpload(@TempDir Path dir) throws Exception {
    Path file = SourceFile.write(dir.resolve("source.bin"), 2 * CHUNK);
    status = 403;

    try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
      assertThatThrownBy(() -> new PartUploader(http, 2).upload(file, 2 * CHUNK, CHUNK, urls(2)))
          .hasRootCauseInstanceOf(IllegalStateException.class)
          .rootCause()
          .hasMessageContaining("answered 403");
    }
  }

  @Test
  void theSourceFileIsTheSameEveryRunAndExactlyAsLongAsAsked(@TempDir Path dir) throws Exception {
    Path first = SourceFile.write(dir.resolve("a.bin"), 9 * 1024 * 1024 + 7);
    Path second = SourceFile.write(dir.resolve("b.bin"), 9 * 1024 * 1024 + 7);

    assertThat(Files.size(first)).isEqualTo(9 * 1024 * 1024 + 7);
    assertThat(Files.mismatch(first, second)).isEqualTo(-1);
  }
}
