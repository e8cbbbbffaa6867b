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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * A test helper for every module's cloud tests. One browser talking to the local cloud's front
 * door: its own loopback address (so per-IP rate limits see distinct clients, as they would on the
 * Internet), the SPA's CSRF header, and a cookie jar filled from Set-Cookie the way a browser fills
 * it (the session cookie, the anonymous viewer cookie).
 */
public final class Visitor {
  private static final AtomicInteger NEXT_ADDRESS = new AtomicInteger(10);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SESSION_COOKIE = "kinora_session";

  /** The password {@link #signedUp} visitors have. */
  public static final String PASSWORD = "a long and quiet river";

  private final LocalCloud cloud;
  private final HttpClient client;
  private final String address;
  private final Map<String, String> cookies = new LinkedHashMap<>();
  private String userId;
  private String channelId;
  private String handle;
  private final Observer observer;

  /** Told about every answered request (a benchmark times routes with it). */
  @FunctionalInterface
  public interface Observer {
    void answered(String method, String path, int status, long nanos);
  }

  public Visitor(LocalCloud cloud) {
    this(cloud, null);
  }

  /** A visitor whose every answered request is reported to {@code observer} (null: none). */
  public Visitor(LocalCloud cloud, Observer observer) {
    this.cloud = cloud;
    this.observer = observer;
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

    /** The success envelope's {@code data}. */
    public JsonNode data() {
      return body.path("data");
    }
  }

  /** A visitor with a fresh account (random handle), signed in. */
  public static Visitor signedUp(LocalCloud cloud) {
    return signedUp(cloud, null);
  }

  /**
   * {@link #signedUp(LocalCloud)}, reporting every request (the sign-up too) to {@code observer}.
   */
  public static Visitor signedUp(LocalCloud cloud, Observer observer) {
    Visitor visitor = new Visitor(cloud, observer);
    String handle = "v" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    Reply reply =
        visitor.post("/api/v1/auth/signup", signupJson(handle + "@example.com", PASSWORD, handle));
    if (reply.status() != 201) {
      throw new IllegalStateException(
          "sign-up failed (" + reply.status() + "): " + reply.raw().body());
    }
    visitor.handle = handle;
    visitor.userId = reply.data().path("userId").asText();
    visitor.channelId = reply.data().at("/channel/id").asText();
    return visitor;
  }

  /** Tells this visitor's observer about a request sent elsewhere (e.g. a presigned S3 PUT). */
  void report(String method, String path, int status, long nanos) {
    if (observer != null) {
      observer.answered(method, path, status, nanos);
    }
  }

  public String address() {
    return address;
  }

  /** The account of {@link #signedUp}; null for a visitor made with {@code new}. */
  public String userId() {
    return userId;
  }

  public String channelId() {
    return channelId;
  }

  public String handle() {
    return handle;
  }

  public Optional<String> session() {
    synchronized (cookies) {
      return Optional.ofNullable(cookies.get(SESSION_COOKIE));
    }
  }

  /** {@code kinora_session=<token>}, for tests that send their own Cookie header. */
  public String sessionCookie() {
    return SESSION_COOKIE + "=" + session().orElseThrow();
  }

  public boolean hasCookie(String name) {
    synchronized (cookies) {
      return cookies.containsKey(name);
    }
  }

  public void forgetSession() {
    synchronized (cookies) {
      cookies.remove(SESSION_COOKIE);
    }
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

  /** A request as the SPA sends it: the CSRF header and every cookie of the jar. */
  public Reply send(String method, String path, String json) {
    return send(method, path, json, true);
  }

  public Reply send(String method, String path, String json, boolean csrfHeader) {
    return send(method, path, json, csrfHeader, cookieHeader());
  }

  public Reply send(
      String method, String path, String json, boolean csrfHeader, String cookieHeader) {
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
    if (csrfHeader) {
      request.header("X-Requested-With", "kinora");
    }
    if (cookieHeader != null) {
      request.header("Cookie", cookieHeader);
    }
    try {
      long started = System.nanoTime();
      HttpResponse<String> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      Observer told = observer;
      if (told != null) {
        told.answered(method, path, response.statusCode(), System.nanoTime() - started);
      }
      keepCookies(response.headers().allValues("set-cookie"));
      String text = response.body();
      JsonNode body =
          text.isEmpty() || !text.startsWith("{") ? JSON.createObjectNode() : JSON.readTree(text);
      return new Reply(response.statusCode(), body, response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private String cookieHeader() {
    synchronized (cookies) {
      return cookies.isEmpty()
          ? null
          : cookies.entrySet().stream()
              .map(cookie -> cookie.getKey() + "=" + cookie.getValue())
              .collect(Collectors.joining("; "));
    }
  }

  private void keepCookies(List<String> setCookies) {
    synchronized (cookies) {
      for (String setCookie : setCookies) {
        String pair = setCookie.split(";", 2)[0];
        int equals = pair.indexOf('=');
        String name = pair.substring(0, equals).strip();
        String value = pair.substring(equals + 1).strip();
        if (value.isEmpty() || setCookie.contains("Max-Age=0")) {
          cookies.remove(name);
        } else {
          cookies.put(name, value);
        }
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
