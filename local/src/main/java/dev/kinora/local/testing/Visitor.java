package dev.kinora.local.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kinora.local.LocalCloud;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test helper for every module's cloud tests. One browser talking to the local cloud's front
 * door: its own loopback address (so per-IP rate limits see distinct clients, as they would on the
 * Internet), the SPA's CSRF header, and the session cookie kept the way a browser keeps it.
 */
public final class Visitor {
  private static final AtomicInteger NEXT_ADDRESS = new AtomicInteger(10);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final LocalCloud cloud;
  private final HttpClient client;
  private final String address;
  private String session;

  public Visitor(LocalCloud cloud) {
    this.cloud = cloud;
    int n = NEXT_ADDRESS.getAndIncrement();
    this.address = "127.0." + (n / 250) + "." + (2 + n % 250);
    requireLoopbackAlias(address);
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

  /**
   * Linux routes all of 127.0.0.0/8 to the loopback interface; macOS only 127.0.0.1 unless aliased.
   */
  private static void requireLoopbackAlias(String address) {
    try (var socket = new Socket()) {
      socket.bind(new InetSocketAddress(address, 0));
    } catch (IOException e) {
      throw new IllegalStateException(
          "These tests give each visitor its own loopback address (per-IP rate limits) and cannot"
              + " bind "
              + address
              + "; on macOS run: sudo ifconfig lo0 alias "
              + address
              + " up",
          e);
    }
  }

  /** The reply of one request. */
  public record Reply(int status, JsonNode body, HttpResponse<String> raw) {
    /** The error envelope's code, or an empty string. */
    public String code() {
      return body.at("/error/code").asText();
    }
  }

  public String address() {
    return address;
  }

  public Optional<String> session() {
    return Optional.ofNullable(session);
  }

  public void forgetSession() {
    session = null;
  }

  public Reply get(String path) {
    return send("GET", path, null, true);
  }

  public Reply post(String path, String json) {
    return send("POST", path, json, true);
  }

  public Reply patch(String path, String json) {
    return send("PATCH", path, json, true);
  }

  public Reply send(String method, String path, String json, boolean csrfHeader) {
    return send(
        method, path, json, csrfHeader, session == null ? null : "kinora_session=" + session);
  }

  public Reply send(
      String method, String path, String json, boolean csrfHeader, String cookieHeader) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(cloud.url(path).toString()))
            .timeout(Duration.ofSeconds(30))
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    if (csrfHeader) {
      request.header("X-Requested-With", "kinora");
    }
    if (cookieHeader != null) {
      request.header("Cookie", cookieHeader);
    }
    try {
      HttpResponse<String> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      keepSessionCookie(response.headers().allValues("set-cookie"));
      JsonNode body =
          response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
      return new Reply(response.statusCode(), body, response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void keepSessionCookie(List<String> setCookies) {
    for (String cookie : setCookies) {
      if (cookie.startsWith("kinora_session=")) {
        String value = cookie.substring("kinora_session=".length(), cookie.indexOf(';'));
        session = value.isEmpty() || cookie.contains("Max-Age=0") ? null : value;
      }
    }
  }

  public static String signupJson(String email, String password, String handle) {
    return write(
        Map.of(
            "email",
            email,
            "password",
            password,
            "displayName",
            "Name of " + handle,
            "handle",
            handle));
  }

  public static String loginJson(String email, String password) {
    return write(Map.of("email", email, "password", password));
  }

  private static String write(Map<String, String> fields) {
    try {
      return JSON.writeValueAsString(fields);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
