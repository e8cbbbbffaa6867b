package dev.kinora.bench.upload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * The upload API as the SPA calls it (operations {@code signup}, {@code initUpload}, {@code
 * presignUploadParts}, {@code completeUpload} of the contract): JSON bodies, the CSRF header, the
 * session cookie. Any answer other than the documented success is an {@link IllegalStateException}
 * naming the status and body.
 */
final class UploadApiClient {
  static final Duration TIMEOUT = Duration.ofSeconds(60);
  static final int SIGNUP_ATTEMPTS = 3;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http;
  private final Function<String, URI> url;
  private String sessionCookie;

  UploadApiClient(HttpClient http, Function<String, URI> url) {
    this.http = http;
    this.url = url;
  }

  /** What {@code initUpload} answered that the rest of the flow needs. */
  record Session(String uploadId, String videoId, long chunkSize, int totalChunks) {}

  /** One presigned part URL. */
  record PartUrl(int partNumber, URI url) {}

  /** A 5xx answer: on a loaded machine a cold function can overrun its timeout once. */
  static final class ServerError extends IllegalStateException {
    ServerError(String message) {
      super(message);
    }
  }

  /**
   * Signs up a fresh user and keeps the session cookie. Retried on a 5xx: the first call also pays
   * the accounts function's INIT and a password hash, which can overrun the function's timeout on a
   * busy machine.
   */
  void signUp() throws IOException, InterruptedException {
    HttpResponse<String> response = null;
    for (int attempt = 1; response == null; attempt++) {
      String handle = "bench" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
      try {
        response =
            post(
                "/api/v1/auth/signup",
                Map.of(
                    "email",
                    handle + "@example.com",
                    "password",
                    "benchmarks measure the machine too",
                    "displayName",
                    "Upload bench",
                    "handle",
                    handle),
                201);
      } catch (ServerError e) {
        if (attempt == SIGNUP_ATTEMPTS) {
          throw e;
        }
      }
    }
    String cookie =
        response.headers().allValues("set-cookie").stream()
            .filter(c -> c.startsWith("kinora_session="))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("sign-up set no session cookie"));
    sessionCookie = cookie.substring(0, cookie.indexOf(';'));
  }

  Session init(String filename, long fileSize, String mimeType)
      throws IOException, InterruptedException {
    JsonNode data =
        data(
            post(
                "/api/v1/uploads",
                Map.of("filename", filename, "fileSize", fileSize, "mimeType", mimeType),
                201));
    return new Session(
        data.path("id").asText(),
        data.path("videoId").asText(),
        data.path("chunkSize").asLong(),
        data.path("totalChunks").asInt());
  }

  List<PartUrl> presign(String uploadId, List<Integer> partNumbers)
      throws IOException, InterruptedException {
    JsonNode data =
        data(
            post(
                "/api/v1/uploads/" + uploadId + "/parts", Map.of("partNumbers", partNumbers), 200));
    List<PartUrl> urls = new ArrayList<>();
    for (JsonNode part : data.path("parts")) {
      urls.add(new PartUrl(part.path("partNumber").asInt(), URI.create(part.path("url").asText())));
    }
    if (urls.size() != partNumbers.size()) {
      throw new IllegalStateException(
          "asked for " + partNumbers.size() + " part URLs, got " + urls.size());
    }
    return urls;
  }

  /** Completes the upload; returns the video's status (the contract says processing). */
  String complete(String uploadId, String title) throws IOException, InterruptedException {
    return data(post(
            "/api/v1/uploads/" + uploadId + "/complete",
            Map.of("title", title, "visibility", "private"),
            201))
        .path("status")
        .asText();
  }

  private HttpResponse<String> post(String path, Map<String, ?> body, int expected)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(url.apply(path))
            .timeout(TIMEOUT)
            .header("Content-Type", "application/json")
            .header("X-Requested-With", "kinora")
            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    if (sessionCookie != null) {
      request.header("Cookie", sessionCookie);
    }
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != expected) {
      String message =
          "POST " + path + " answered " + response.statusCode() + ": " + response.body();
      throw response.statusCode() >= 500
          ? new ServerError(message)
          : new IllegalStateException(message);
    }
    return response;
  }

  private static JsonNode data(HttpResponse<String> response) throws IOException {
    return JSON.readTree(response.body()).path("data");
  }
}
