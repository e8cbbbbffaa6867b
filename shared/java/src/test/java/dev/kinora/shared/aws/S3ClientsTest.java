package dev.kinora.shared.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kinora.shared.config.Config;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

class S3ClientsTest {

  /**
   * A server may close a kept-alive connection just as the client reuses it: the write then meets
   * the end of the stream while waiting for "100 Continue". A fresh-clone run saw S3 PUTs fail
   * there ("Unexpected end of file from server") because SDK 2.40's URL connection client wrapped
   * that IOException so its retry policy never saw it; the write must go out again on a new
   * connection instead.
   */
  @Test
  void aWriteWhoseConnectionTheServerDropsBeforeAnsweringIsSentAgain() throws Exception {
    List<String> requestLines = new CopyOnWriteArrayList<>();
    try (ServerSocket server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress())) {
      Thread serving =
          Thread.ofVirtual()
              .start(
                  () -> {
                    for (int connection = 0; connection < 2; connection++) {
                      try (Socket socket = server.accept()) {
                        String head = readHead(socket.getInputStream());
                        requestLines.add(head.lines().findFirst().orElse(""));
                        if (connection == 0) continue; // dropped without an answer
                        answer(socket, head);
                      } catch (IOException e) {
                        return;
                      }
                    }
                  });
      Config config =
          Config.of(
              java.util.Map.of(
                  "AWS_REGION", "us-east-1",
                  "AWS_ACCESS_KEY_ID", "test",
                  "AWS_SECRET_ACCESS_KEY", "test-secret",
                  "AWS_ENDPOINT_URL_S3", "http://127.0.0.1:" + server.getLocalPort()));
      try (S3Client s3 = S3Clients.s3(config)) {
        var response =
            s3.putObject(
                r -> r.bucket("media").key("media/v1/thumbnail.jpg"),
                RequestBody.fromString("poster"));
        assertThat(response.eTag()).isEqualTo("\"etag\"");
      }
      serving.join(10_000);
    }
    assertThat(requestLines)
        .hasSize(2)
        .allSatisfy(line -> assertThat(line).startsWith("PUT /media/media/v1/thumbnail.jpg"));
  }

  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    byte[] end = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    while (matched < end.length) {
      int b = in.read();
      if (b < 0) throw new IOException("connection closed in the request head");
      head.write(b);
      matched = b == end[matched] ? matched + 1 : (b == end[0] ? 1 : 0);
    }
    return head.toString(StandardCharsets.US_ASCII);
  }

  /** "100 Continue" when asked for, reads the body, answers 200 with an ETag. */
  private static void answer(Socket socket, String head) throws IOException {
    OutputStream out = socket.getOutputStream();
    String lower = head.toLowerCase(Locale.ROOT);
    if (lower.contains("expect: 100-continue")) {
      out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
    }
    long length =
        lower
            .lines()
            .filter(line -> line.startsWith("content-length:"))
            .mapToLong(line -> Long.parseLong(line.substring("content-length:".length()).trim()))
            .findFirst()
            .orElse(0);
    socket.getInputStream().readNBytes((int) length);
    out.write(
        ("HTTP/1.1 200 OK\r\nETag: \"etag\"\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }
}
