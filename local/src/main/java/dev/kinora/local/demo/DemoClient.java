package dev.kinora.local.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One demo user's browser against the front door: the SPA's CSRF header, a cookie jar filled from
 * Set-Cookie, JSON in and out. A 429 is waited out (the API's per-caller rate limits apply to the
 * seeder as to anyone) and API Gateway's own 5xx retried, instead of failing the seed.
 */
final class DemoClient {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int RATE_LIMIT_RETRIES = 6;
  private static final int GATEWAY_RETRIES = 3;

  private final HttpClient http;
  private final URI base;
  private final Map<String, String> cookies = new LinkedHashMap<>();

  DemoClient(HttpClient http, URI base) {
    this.http = http;
    this.base = base;
  }

  /** The answer to one request: status and the parsed JSON body (an empty object if none). */
  record Reply(int status, JsonNode body) {
    JsonNode data() {
      return body.path("data");
    }

    String code() {
      return body.at("/error/code").asText();
    }

    boolean ok() {
      return status / 100 == 2;
    }

    /** For failures the seed cannot go on from. */
    IllegalStateException failure(String what) {
      return new IllegalStateException(what + " failed (" + status + "): " + body);
    }
  }

  Reply get(String path) {
    return send("GET", path, null, Map.of());
  }

  Reply post(String path, Object body) {
    return send("POST", path, body, Map.of());
  }

  Reply put(String path, Object body) {
    return send("PUT", path, body, Map.of());
  }

  Reply patch(String path, Object body) {
    return send("PATCH", path, body, Map.of());
  }

  Reply delete(String path) {
    return send("DELETE", path, null, Map.of());
  }

  /** A request with extra cookies (e.g. an anonymous viewer's own {@code kinora_viewer}). */
  Reply send(String method, String path, Object body, Map<String, String> extraCookies) {
    for (int attempt = 0; ; attempt++) {
      HttpResponse<String> response = exchange(method, path, body, extraCookies);
      if (response.statusCode() == 429 && attempt < RATE_LIMIT_RETRIES) {
        long seconds = response.headers().firstValue("retry-after").map(Long::parseLong).orElse(5L);
        sleep(Duration.ofSeconds(Math.max(1, Math.min(seconds, 60))));
        continue;
      }
      if (isGatewayFailure(response) && attempt < GATEWAY_RETRIES) {
        sleep(Duration.ofSeconds(2L * (attempt + 1)));
        continue;
      }
      return new Reply(response.statusCode(), parse(response.body()));
    }
  }

  /**
   * API Gateway's own 5xx (no envelope): the function did not answer, typically a cold start that
   * ran past Lambda's 10 s init limit on a loaded machine. A later attempt meets a warm function.
   */
  private static boolean isGatewayFailure(HttpResponse<String> response) {
    return response.statusCode() >= 500 && !response.body().contains("\"error\"");
  }

  /** PUTs bytes to a presigned storage URL (not the API), as the browser does. */
  void putBytes(URI url, byte[] bytes, Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(url)
            .timeout(Duration.ofSeconds(120))
            .header("Origin", origin())
            .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes));
    headers.forEach(
        (name, value) -> {
          if (!name.equalsIgnoreCase("content-length") && !name.equalsIgnoreCase("host")) {
            request.header(name, value);
          }
        });
    HttpResponse<String> response = call(request.build());
    if (response.statusCode() / 100 != 2) {
      // the URL is presigned: never print it (it is a credential until it expires)
      throw new IllegalStateException(
          "storage PUT failed (" + response.statusCode() + "): " + response.body());
    }
  }

  private HttpResponse<String> exchange(
      String method, String path, Object body, Map<String, String> extraCookies) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofSeconds(120))
            .header("X-Requested-With", "kinora")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(write(body)));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    String cookieHeader = cookieHeader(extraCookies);
    if (!cookieHeader.isEmpty()) {
      request.header("Cookie", cookieHeader);
    }
    HttpResponse<String> response = call(request.build());
    if (extraCookies.isEmpty()) {
      keepCookies(response.headers().allValues("set-cookie"));
    }
    return response;
  }

  private HttpResponse<String> call(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private String origin() {
    String text = base.toString();
    return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
  }

  private synchronized String cookieHeader(Map<String, String> extra) {
    var all = new LinkedHashMap<>(extra.isEmpty() ? cookies : Map.of());
    all.putAll(extra);
    return all.entrySet().stream()
        .map(cookie -> cookie.getKey() + "=" + cookie.getValue())
        .collect(Collectors.joining("; "));
  }

  private synchronized void keepCookies(List<String> setCookies) {
    for (String setCookie : setCookies) {
      String pair = setCookie.split(";", 2)[0];
      int equals = pair.indexOf('=');
      if (equals < 1) {
        continue;
      }
      String name = pair.substring(0, equals).strip();
      String value = pair.substring(equals + 1).strip();
      if (value.isEmpty() || setCookie.contains("Max-Age=0")) {
        cookies.remove(name);
      } else {
        cookies.put(name, value);
      }
    }
  }

  private static JsonNode parse(String text) {
    try {
      return text == null || !text.startsWith("{") ? JSON.createObjectNode() : JSON.readTree(text);
    } catch (IOException e) {
      return JSON.createObjectNode();
    }
  }

  static String write(Object body) {
    try {
      return JSON.writeValueAsString(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void sleep(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
