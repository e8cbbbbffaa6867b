package dev.kinora.system.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kinora.local.LocalCloud;
import dev.kinora.local.testing.KinoraCloud;
import dev.kinora.local.testing.Visitor;
import dev.kinora.shared.contract.Contract;
import dev.kinora.shared.contract.ValidationIssue;
import dev.kinora.shared.json.Json;
import dev.kinora.system.StoredState;
import dev.kinora.system.fuzz.ContractRoutes.Route;
import dev.kinora.system.fuzz.RequestGenerator.Fixture;
import dev.kinora.system.fuzz.RequestGenerator.FuzzRequest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Contract fuzzing (issue 12, part 1): every operation of openapi.yaml, read at run time, gets its
 * share of {@code kinora.fuzz.requests} (default 10 000) generated hostile requests through the
 * local cloud's front door: real handlers, real SDK clients, the real authorizer. Passing means: no
 * 5xx, every error in the contract's {@code ErrorEnvelope} with the status its code maps to, and
 * nothing stored by a batch of requests that were all refused.
 *
 * <p>{@code -Dkinora.fuzz.requests=N} and {@code -Dkinora.fuzz.seed=S} reproduce or widen a run;
 * the seed is printed with the counts table.
 */
@KinoraCloud
class ContractFuzzTest {
  private static final int DEFAULT_REQUESTS = 10_000;
  private static final long DEFAULT_SEED = 20_261_202L;
  private static final int BATCH = 40;
  private static final int PARALLEL = 4;

  private final LocalCloud cloud;
  private final Contract contract = Contract.load();
  private final Map<String, Integer> statusOfCode = contract.errorStatuses();
  private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
  private final AtomicInteger edgeRefusals = new AtomicInteger();
  private final AtomicInteger gatewayAnswers = new AtomicInteger();
  private final AtomicInteger answersLostToTheReset = new AtomicInteger();

  ContractFuzzTest(LocalCloud cloud) {
    this.cloud = cloud;
  }

  @Test
  void everyContractRouteAnswersHostileRequestsWithoutA5xxInTheEnvelopeAndStoresNothing()
      throws Exception {
    int total = Integer.getInteger("kinora.fuzz.requests", DEFAULT_REQUESTS);
    long seed = Long.getLong("kinora.fuzz.seed", DEFAULT_SEED);
    List<Route> routes =
        ContractRoutes.read(
            Path.of(System.getProperty("kinora.root", "../..")).resolve("shared/contract"));
    assertThat(routes).isNotEmpty();

    warmUp(routes);
    Owner owner = Owner.create(cloud);
    AtomicReference<String> session = new AtomicReference<>(owner.caller.session().orElseThrow());
    Fixture fixture =
        new Fixture(
            session::get,
            owner.signedOutToken,
            List.of(owner.publicVideo, owner.privateVideo, owner.uploadingVideo),
            owner.uploadId,
            owner.commentId,
            owner.visitor.channelId(),
            owner.visitor.handle(),
            owner.cursor);
    RequestGenerator generator = new RequestGenerator(new SplittableRandom(seed), fixture);
    HttpClient client =
        HttpClient.newBuilder()
            .localAddress(InetAddress.getByName(new Visitor(cloud).address()))
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    Map<String, Map<Integer, Integer>> histogram = new LinkedHashMap<>();
    int perRoute = Math.max(1, (total + routes.size() - 1) / routes.size());
    int sent = 0;
    int batchesChecked = 0;
    int batchesWithAccepted = 0;
    long started = System.nanoTime();
    try (ExecutorService pool = Executors.newFixedThreadPool(PARALLEL)) {
      for (Route route : routes) {
        Map<Integer, Integer> statuses =
            histogram.computeIfAbsent(route.key(), k -> new TreeMap<>());
        for (int done = 0; done < perRoute; done += BATCH) {
          List<FuzzRequest> batch = new ArrayList<>();
          for (int i = 0; i < Math.min(BATCH, perRoute - done); i++) {
            batch.add(generator.next(route));
          }
          Map<String, Long> before = StoredState.snapshot(cloud);
          List<Future<Integer>> answers = new ArrayList<>();
          for (FuzzRequest request : batch) {
            answers.add(pool.submit(() -> sendAndCheck(client, request)));
          }
          boolean accepted = false;
          for (Future<Integer> answer : answers) {
            int status = answer.get();
            statuses.merge(status, 1, Integer::sum);
            // An accepted GET changes nothing either, so only an accepted change skips the check.
            accepted |= status < 400 && !route.method().equals("GET");
          }
          sent += batch.size();
          if (accepted) {
            // Something was legitimately changed (a valid body got through): counts may move.
            batchesWithAccepted++;
            keepSessionAlive(session, owner);
          } else {
            batchesChecked++;
            Map<String, Long> after = StoredState.snapshot(cloud);
            if (!after.equals(before)) {
              failures.add(
                  "stored for refused requests on "
                      + route.key()
                      + ": "
                      + difference(before, after)
                      + " e.g. "
                      + batch.getFirst().describe());
            }
          }
        }
      }
    }
    long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
    System.out.println(
        table(histogram, sent, millis, seed, batchesChecked, batchesWithAccepted)
            + "not from a function: "
            + edgeRefusals.get()
            + " front-door refusals of a malformed or oversized request (400/431, no route ran; "
            + answersLostToTheReset.get()
            + " of them lost to the connection reset while the body was still being sent), "
            + gatewayAnswers.get()
            + " API Gateway answers (401 without any cookie on a guarded route, 404 no route);"
            + " every other error was a function's ErrorEnvelope");

    assertThat(sent).isGreaterThanOrEqualTo(total);
    assertThat(histogram.keySet()).hasSize(routes.size());
    assertThat(failures).as("fuzz findings (seed " + seed + ")").isEmpty();
  }

  /**
   * One plain request per route until its function answers below 500, before anything is checked:
   * the local runtime counts a handler's init against the function's timeout (Lambda gives init its
   * own 10 s), so on a loaded machine a cold function's first answer can be a timeout, which is not
   * what this test is about.
   */
  private void warmUp(List<Route> routes) throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    for (Route route : routes) {
      String path = route.path().replaceAll("\\{[^}]+}", "warmup1");
      for (int attempt = 0; attempt < 3; attempt++) {
        HttpRequest request =
            HttpRequest.newBuilder(cloud.url(path))
                .timeout(Duration.ofSeconds(60))
                .header("Cookie", "theme=dark")
                .method(route.method(), HttpRequest.BodyPublishers.noBody())
                .build();
        if (client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() < 500) {
          break;
        }
      }
    }
  }

  private int sendAndCheck(HttpClient client, FuzzRequest request) {
    HttpResponse<String> response;
    try {
      response = send(client, httpRequest(request, true));
    } catch (IOException e) {
      if (request.body() != null && refusedAtTheFrontDoorWithoutItsBody(client, request)) {
        edgeRefusals.incrementAndGet();
        answersLostToTheReset.incrementAndGet();
        return 400;
      }
      failures.add("no answer (" + e + ") to " + request.describe());
      return 599;
    }
    check(request, response);
    return response.statusCode();
  }

  private HttpRequest httpRequest(FuzzRequest request, boolean withBody) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(
                URI.create(
                    cloud.frontDoorUrl()
                        + request.path()
                        + (request.query() == null ? "" : "?" + request.query())))
            .timeout(Duration.ofSeconds(60))
            .method(
                request.method(),
                request.body() == null || !withBody
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(request.body()));
    request.headers().forEach(builder::header);
    return builder.build();
  }

  /**
   * Jetty refuses a request line it cannot parse (a NUL in the path) before reading the body, then
   * closes the connection; a client still sending a large body may lose the 400 to the reset, as it
   * would behind CloudFront. Such a loss counts as that refusal only when the same request without
   * its body is refused at the front door.
   */
  private boolean refusedAtTheFrontDoorWithoutItsBody(HttpClient client, FuzzRequest request) {
    try {
      return isEdgeRefusal(request, send(client, httpRequest(request, false)));
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Jetty closes a connection after refusing a malformed request; the client may already have
   * picked that pooled connection for the next one (it then reads no bytes). Sent again once, on a
   * new connection, as a browser does.
   */
  private static HttpResponse<String> send(HttpClient client, HttpRequest request)
      throws IOException {
    try {
      try {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        if (!String.valueOf(e.getMessage()).contains("received no bytes")) {
          throw e;
        }
        return client.send(request, HttpResponse.BodyHandlers.ofString());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void check(FuzzRequest request, HttpResponse<String> response) {
    int status = response.statusCode();
    if (status >= 500) {
      failures.add(status + " " + excerpt(response.body()) + " for " + request.describe());
      return;
    }
    if (status < 400) {
      return;
    }
    if (isEdgeRefusal(request, response)) {
      edgeRefusals.incrementAndGet();
      return;
    }
    JsonNode body;
    try {
      body = Json.mapper().readTree(response.body());
    } catch (IOException e) {
      failures.add(
          status
              + " without a JSON body ("
              + excerpt(response.body())
              + ") for "
              + request.describe());
      return;
    }
    if (isGatewayAnswer(request, status, body)) {
      gatewayAnswers.incrementAndGet();
      return;
    }
    List<ValidationIssue> issues = contract.validate("ErrorEnvelope", body);
    if (!issues.isEmpty()) {
      failures.add(
          status
              + " outside the ErrorEnvelope "
              + issues
              + ": "
              + excerpt(response.body())
              + " for "
              + request.describe());
      return;
    }
    String code = body.at("/error/code").asText();
    if (!Objects.equals(statusOfCode.get(code), status)) {
      failures.add(
          status
              + " with code "
              + code
              + " (maps to "
              + statusOfCode.get(code)
              + ") for "
              + request.describe());
    }
    if (status == 429 && response.headers().firstValue("Retry-After").isEmpty()) {
      failures.add("429 without Retry-After for " + request.describe());
    }
  }

  /**
   * The front door (CloudFront's place) refuses, before any route or function sees it, a URI that
   * is ambiguous or not UTF-8 (an empty segment, an encoded slash or NUL, an overlong or surrogate
   * encoding: a bare 400, only for the hostile path segments that cause it) and a request line plus
   * headers over its 8 KB (431; CloudFront's own limits are of the same order).
   */
  private static boolean isEdgeRefusal(FuzzRequest request, HttpResponse<String> response) {
    String type = response.headers().firstValue("content-type").orElse("");
    boolean bare = response.body().isEmpty() || type.startsWith("text/html");
    return bare
        && ((response.statusCode() == 400 && request.pathProblem())
            || response.statusCode() == 431);
  }

  /**
   * API Gateway's own answers, before any function runs: a guarded route without any Cookie header
   * (the authorizer's identity source is missing) and a path no route matches (an empty segment).
   */
  private static boolean isGatewayAnswer(FuzzRequest request, int status, JsonNode body) {
    String message = body.path("message").asText();
    if (status == 401 && message.equals("Unauthorized")) {
      return !request.hasCookieHeader() && !request.route().isPublic();
    }
    return status == 404 && message.equals("Not Found") && request.pathProblem();
  }

  /** The fuzzing caller may sign itself out (a valid logout): sign in again for the next batch. */
  private void keepSessionAlive(AtomicReference<String> session, Owner owner) {
    Visitor probe = new Visitor(cloud);
    Visitor.Reply me =
        probe.send("GET", "/api/v1/auth/me", null, true, "kinora_session=" + session.get());
    if (me.status() == 200) {
      return;
    }
    Visitor fresh = new Visitor(cloud);
    Visitor.Reply login =
        fresh.post(
            "/api/v1/auth/login",
            Visitor.loginJson(owner.caller.handle() + "@example.com", Visitor.PASSWORD));
    assertThat(login.status()).as("signing the fuzzing caller in again").isEqualTo(200);
    session.set(fresh.session().orElseThrow());
  }

  private static String difference(Map<String, Long> before, Map<String, Long> after) {
    List<String> changes = new ArrayList<>();
    for (String key : after.keySet()) {
      if (!Objects.equals(before.get(key), after.get(key))) {
        changes.add(key + " " + before.get(key) + "→" + after.get(key));
      }
    }
    return String.join(", ", changes);
  }

  private static String excerpt(String text) {
    return text.length() > 300 ? text.substring(0, 300) + "…" : text;
  }

  private static String table(
      Map<String, Map<Integer, Integer>> histogram,
      int sent,
      long millis,
      long seed,
      int batchesChecked,
      int batchesWithAccepted) {
    var out = new StringBuilder();
    out.append("\nContract fuzzing: ")
        .append(sent)
        .append(" requests over ")
        .append(histogram.size())
        .append(" routes in ")
        .append(millis / 1000.0)
        .append(" s (")
        .append(millis == 0 ? sent : sent * 1000L / millis)
        .append(" req/s, ")
        .append(PARALLEL)
        .append(" in flight), seed ")
        .append(seed)
        .append("; stored-state compared after ")
        .append(batchesChecked)
        .append(" batches of refused requests and reads (")
        .append(batchesWithAccepted)
        .append(" batches had an accepted change)\n");
    out.append(String.format("%-48s %8s  %s%n", "route", "requests", "statuses"));
    Map<Integer, Integer> totals = new TreeMap<>();
    histogram.forEach(
        (route, statuses) -> {
          int count = statuses.values().stream().mapToInt(Integer::intValue).sum();
          out.append(String.format("%-48s %8d  %s%n", route, count, format(statuses)));
          statuses.forEach((status, n) -> totals.merge(status, n, Integer::sum));
        });
    out.append(String.format("%-48s %8d  %s%n", "total", sent, format(totals)));
    return out.toString();
  }

  private static String format(Map<Integer, Integer> statuses) {
    var parts = new ArrayList<String>();
    statuses.forEach((status, n) -> parts.add(status + "×" + n));
    return String.join(" ", parts);
  }

  /**
   * The resources the requests aim at belong to an owner; the fuzzing caller is someone else (so
   * authorization is fuzzed too, and valid-looking requests cannot delete the targets).
   */
  private record Owner(
      Visitor visitor,
      Visitor caller,
      String signedOutToken,
      String publicVideo,
      String privateVideo,
      String uploadingVideo,
      String uploadId,
      String commentId,
      String cursor) {
    static Owner create(LocalCloud cloud) {
      Visitor owner = Visitor.signedUp(cloud);
      Visitor caller = Visitor.signedUp(cloud);
      Visitor signedOut = Visitor.signedUp(cloud);
      String signedOutToken = signedOut.session().orElseThrow();
      assertThat(signedOut.post("/api/v1/auth/logout", "{}").status()).isLessThan(300);

      String publicVideo = putReadyVideo(cloud, owner, "public");
      String privateVideo = putReadyVideo(cloud, owner, "private");
      Visitor.Reply upload =
          owner.post(
              "/api/v1/uploads",
              "{\"filename\":\"clip.mp4\",\"fileSize\":20971520,\"mimeType\":\"video/mp4\"}");
      assertThat(upload.status()).as(upload.raw().body()).isEqualTo(201);
      String uploadId = upload.data().path("id").asText();
      String uploadingVideo = upload.data().path("videoId").asText();

      String commentId = null;
      for (int i = 0; i < 2; i++) {
        Visitor.Reply comment =
            owner.post(
                "/api/v1/videos/" + publicVideo + "/comments", "{\"text\":\"first " + i + "\"}");
        assertThat(comment.status()).as(comment.raw().body()).isEqualTo(201);
        commentId = comment.data().path("id").asText();
      }
      Visitor.Reply page = owner.get("/api/v1/videos/" + publicVideo + "/comments?limit=1");
      String cursor = page.body().at("/meta/nextCursor").asText(null);
      return new Owner(
          owner,
          caller,
          signedOutToken,
          publicVideo,
          privateVideo,
          uploadingVideo,
          uploadId,
          commentId,
          cursor);
    }

    /** A video row as the transcode pipeline leaves a finished one. */
    private static String putReadyVideo(LocalCloud cloud, Visitor owner, String visibility) {
      byte[] bytes = new byte[8];
      new SecureRandom().nextBytes(bytes);
      String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
      Map<String, AttributeValue> item = new HashMap<>();
      item.put("id", AttributeValue.fromS(id));
      item.put("ownerId", AttributeValue.fromS(owner.userId()));
      item.put("channelId", AttributeValue.fromS(owner.channelId()));
      item.put("title", AttributeValue.fromS("Fuzzing target"));
      item.put("description", AttributeValue.fromS(""));
      item.put("tags", AttributeValue.fromL(List.of()));
      item.put("categories", AttributeValue.fromL(List.of()));
      item.put("visibility", AttributeValue.fromS(visibility));
      item.put("status", AttributeValue.fromS("ready"));
      item.put("createdAt", AttributeValue.fromS("2026-11-25T12:00:00Z"));
      item.put("publishedAt", AttributeValue.fromS("2026-11-25T12:05:00Z"));
      item.put("durationSeconds", AttributeValue.fromN("120"));
      item.put("resolutions", AttributeValue.fromL(List.of(AttributeValue.fromS("360p"))));
      cloud.dynamoDb().putItem(r -> r.tableName(cloud.physicalName("VideosTable")).item(item));
      return id;
    }
  }
}
