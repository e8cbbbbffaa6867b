package dev.kinora.videos;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kinora.local.LocalCloud;
import dev.kinora.shared.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * One browser talking to the local cloud's front door: its own loopback address (sign-up is rate
 * limited per source IP; Linux routes all of 127.0.0.0/8 to loopback) and its own cookie jar,
 * filled from Set-Cookie like a browser's (session and viewer cookies).
 */
final class Browser {
  private static final AtomicInteger NEXT_ADDRESS = new AtomicInteger(1);

  private final LocalCloud cloud;
  private final HttpClient client;
  private final Map<String, String> cookies = new LinkedHashMap<>();
  private String userId;
  private String channelId;
  private String handle;

  Browser(LocalCloud cloud) {
    this.cloud = cloud;
    int n = NEXT_ADDRESS.getAndIncrement();
    String address = "127.1." + (n / 250) + "." + (2 + n % 250);
    try {
      this.client =
          HttpClient.newBuilder()
              .localAddress(InetAddress.getByName(address))
              .connectTimeout(Duration.ofSeconds(5))
              .build();
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The reply of one request. */
  record Reply(int status, JsonNode body, HttpResponse<String> raw) {
    String code() {
      return body.at("/error/code").asText();
    }

    JsonNode data() {
      return body.path("data");
    }
  }

  /**
   * A browser with a fresh account, signed in. The local runtime counts a cold start against the
   * function's 10 s Timeout (Lambda gives init its own budget), and a busy build machine can exceed
   * it on the first calls: a sign-up that timed out (500) is tried again, as UploadsCloudTest's
   * warm-up does, so the tests measure behaviour rather than the machine's load.
   */
  static Browser signedUp(LocalCloud cloud) {
    for (int attempt = 1; ; attempt++) {
      try {
        return signUpOnce(cloud);
      } catch (IllegalStateException e) {
        if (attempt >= 4) {
          throw e;
        }
      }
    }
  }

  private static Browser signUpOnce(LocalCloud cloud) {
    Browser browser = new Browser(cloud);
    browser.handle = "p" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    Reply reply =
        browser.send(
            "POST",
            "/api/v1/auth/signup",
            Json.write(
                Map.of(
                    "email",
                    browser.handle + "@example.com",
                    "password",
                    "a long and quiet river",
                    "displayName",
                    "Name of " + browser.handle,
                    "handle",
                    browser.handle)));
    if (reply.status() != 201) {
      throw new IllegalStateException(
          "sign-up failed (" + reply.status() + "): " + reply.raw().body());
    }
    browser.userId = reply.data().path("userId").asText();
    browser.channelId = reply.data().at("/channel/id").asText();
    return browser;
  }

  String userId() {
    return userId;
  }

  String channelId() {
    return channelId;
  }

  String handle() {
    return handle;
  }

  /** {@code kinora_session=<token>}, for tests that send their own Cookie header. */
  String sessionCookie() {
    synchronized (cookies) {
      return "kinora_session=" + cookies.get("kinora_session");
    }
  }

  boolean hasCookie(String name) {
    return cookies.containsKey(name);
  }

  Reply get(String path) {
    return send("GET", path, null);
  }

  Reply send(String method, String path, String json) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(cloud.url(path).toString()))
            .timeout(Duration.ofSeconds(60))
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    if (!"GET".equals(method)) {
      request.header("X-Requested-With", "kinora");
    }
    synchronized (cookies) {
      if (!cookies.isEmpty()) {
        request.header(
            "Cookie",
            cookies.entrySet().stream()
                .map(cookie -> cookie.getKey() + "=" + cookie.getValue())
                .collect(Collectors.joining("; ")));
      }
    }
    try {
      HttpResponse<String> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      keep(response.headers().allValues("set-cookie"));
      String text = response.body();
      JsonNode body =
          text.isEmpty() || !text.startsWith("{")
              ? Json.mapper().createObjectNode()
              : Json.mapper().readTree(text);
      return new Reply(response.statusCode(), body, response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void keep(List<String> setCookies) {
    synchronized (cookies) {
      for (String setCookie : setCookies) {
        String pair = setCookie.split(";", 2)[0];
        int equals = pair.indexOf('=');
        cookies.put(pair.substring(0, equals).strip(), pair.substring(equals + 1).strip());
      }
    }
  }
}
