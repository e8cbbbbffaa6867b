package dev.kinora.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kinora.local.LocalCloud;
import dev.kinora.local.testing.KinoraCloud;
import dev.kinora.local.testing.Visitor;
import dev.kinora.shared.config.Config;
import dev.kinora.shared.contract.Contract;
import dev.kinora.transcode.WebSocketStatusPublisher;
import java.io.IOException;
import java.net.URI;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The WebSocket API through the local cloud with the repository's template.yaml: real sign-ups and
 * session cookies, RealtimeFunction behind {@code /ws}, a real transcode (TranscodeFunction with
 * the ffmpeg layer) publishing through {@code @connections}.
 */
@KinoraCloud
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealtimeCloudTest {
  private static final Contract CONTRACT = Contract.load();
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  private final LocalCloud cloud;
  private User owner;
  private User other;

  RealtimeCloudTest(LocalCloud cloud) {
    this.cloud = cloud;
  }

  /** Two users for the whole class. */
  @BeforeAll
  void signUpTwoUsers() throws Exception {
    owner = signUp();
    other = signUp();
  }

  private record User(String cookie, String userId, String channelId) {}

  private User signUp() {
    Visitor visitor = Visitor.signedUp(cloud);
    return new User(visitor.sessionCookie(), visitor.userId(), visitor.channelId());
  }

  private URI webSocket() {
    URI front = cloud.frontDoorUrl();
    return URI.create("ws://" + front.getHost() + ":" + front.getPort() + "/ws");
  }

  /** The row uploads leaves behind when an upload completes: {@code processing}. */
  private String processingVideo(User owner) {
    byte[] bytes = new byte[8];
    RANDOM.nextBytes(bytes);
    String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    String now = Instant.now().toString();
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("id", s(id));
    item.put("ownerId", s(owner.userId()));
    item.put("channelId", s(owner.channelId()));
    item.put("title", s("A test pattern"));
    item.put("description", s(""));
    item.put("visibility", s("private"));
    item.put("status", s("processing"));
    item.put("sourceKey", s("raw/" + id + "/source"));
    item.put("createdAt", s(now));
    item.put("updatedAt", s(now));
    cloud.dynamoDb().putItem(r -> r.tableName(cloud.physicalName("VideosTable")).item(item));
    return id;
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  private static String subscribe(String videoId) {
    return "{\"action\":\"subscribe\",\"videoId\":\"" + videoId + "\"}";
  }

  private List<String> subscribers(String videoId) {
    return cloud
        .dynamoDb()
        .query(
            r ->
                r.tableName(cloud.physicalName("ConnectionsTable"))
                    .indexName("ByVideo")
                    .keyConditionExpression("videoId = :v")
                    .expressionAttributeValues(Map.of(":v", s(videoId))))
        .items()
        .stream()
        .map(item -> item.get("connectionId").s())
        .toList();
  }

  private int itemsOf(String connectionId) {
    return cloud
        .dynamoDb()
        .query(
            r ->
                r.tableName(cloud.physicalName("ConnectionsTable"))
                    .keyConditionExpression("connectionId = :c")
                    .expressionAttributeValues(Map.of(":c", s(connectionId)))
                    .consistentRead(true))
        .count();
  }

  private static void eventually(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + PATIENCE);
      }
      Thread.sleep(100);
    }
  }

  @Test
  void ownerHearsStartedThenMonotonicProgressThenCompleted(@TempDir Path clips) throws Exception {
    String videoId = processingVideo(owner);
    try (Socket socket = Socket.connect(webSocket(), owner.cookie())) {
      socket.send(subscribe(videoId));
      assertThat(socket.next().path("type").asText()).isEqualTo("subscribed");

      uploadSource(videoId, clip(clips));

      List<JsonNode> heard = new ArrayList<>();
      JsonNode message;
      do {
        message = socket.next();
        assertThat(CONTRACT.validate("RealtimeServerMessage", message))
            .as(message.toString())
            .isEmpty();
        assertThat(message.path("videoId").asText()).isEqualTo(videoId);
        heard.add(message);
      } while (!message.path("type").asText().equals("transcode.completed")
          && !message.path("type").asText().equals("transcode.failed"));

      List<String> types = heard.stream().map(m -> m.path("type").asText()).toList();
      assertThat(types.getFirst()).isEqualTo("transcode.started");
      assertThat(types.getLast()).as(heard.toString()).isEqualTo("transcode.completed");
      assertThat(types.subList(1, types.size() - 1))
          .isNotEmpty()
          .containsOnly("transcode.progress");
      Map<String, Double> last = new HashMap<>();
      for (JsonNode progress : heard.subList(1, heard.size() - 1)) {
        String rung = progress.path("resolution").asText();
        double value = progress.path("progress").asDouble();
        assertThat(value)
            .as("progress of %s", rung)
            .isGreaterThanOrEqualTo(last.getOrDefault(rung, 0.0));
        last.put(rung, value);
      }
      JsonNode completed = heard.getLast();
      assertThat(completed.path("resolutions")).extracting(JsonNode::asText).contains("360p");
      assertThat(completed.path("thumbnailUrl").asText())
          .matches("/media/" + videoId + "/poster-[A-Za-z0-9_-]{22}\\.jpg");
      assertThat(completed.path("durationSeconds").asDouble()).isGreaterThan(1.5);
    }
  }

  @Test
  void subscribingToSomeoneElsesVideoIsRefusedOnTheSocket() throws Exception {
    String videoId = processingVideo(owner);
    try (Socket socket = Socket.connect(webSocket(), other.cookie())) {
      socket.send(subscribe(videoId));
      JsonNode answer = socket.next();
      assertThat(answer.path("type").asText()).isEqualTo("error");
      assertThat(answer.at("/error/code").asText()).isEqualTo("VIDEO_NOT_FOUND");
      assertThat(subscribers(videoId)).isEmpty();

      socket.send("{\"action\":\"subscribe\",\"videoId\":\"nope\"}");
      assertThat(socket.next().at("/error/details/issues/0/path").asText()).isEqualTo("/videoId");
      socket.send("{\"action\":\"dance\"}");
      assertThat(socket.next().at("/error/code").asText()).isEqualTo("VALIDATION_ERROR");
    }
  }

  @Test
  void anonymousAndForgedSessionsCannotConnect() {
    for (String cookie : new String[] {null, "kinora_session=not-a-session"}) {
      assertThatThrownBy(() -> Socket.connect(webSocket(), cookie))
          .satisfies(e -> assertThat(handshakeStatus(e)).isEqualTo(401));
    }
  }

  private static int handshakeStatus(Throwable thrown) {
    for (Throwable e = thrown; e != null; e = e.getCause()) {
      if (e instanceof WebSocketHandshakeException refused) {
        return refused.getResponse().statusCode();
      }
    }
    throw new AssertionError("not a refused handshake", thrown);
  }

  @Test
  void disconnectRemovesTheConnectionAndItsSubscriptions() throws Exception {
    String videoId = processingVideo(owner);
    Socket socket = Socket.connect(webSocket(), owner.cookie());
    socket.send(subscribe(videoId));
    assertThat(socket.next().path("type").asText()).isEqualTo("subscribed");
    List<String> connections = subscribers(videoId);
    assertThat(connections).hasSize(1);
    assertThat(itemsOf(connections.getFirst())).isEqualTo(2);

    socket.closeNormally();

    eventually(() -> itemsOf(connections.getFirst()) == 0);
    assertThat(subscribers(videoId)).isEmpty();
  }

  @Test
  void postingToAGoneConnectionDeletesIt() throws Exception {
    String videoId = processingVideo(owner);
    // a connection whose $disconnect never ran (as when API Gateway drops it): still in the table
    String gone = "GoneConnXYZ" + RANDOM.nextInt(1000);
    String table = cloud.physicalName("ConnectionsTable");
    long expires = Instant.now().plusSeconds(3600).getEpochSecond();
    cloud
        .dynamoDb()
        .putItem(
            r ->
                r.tableName(table)
                    .item(
                        Map.of(
                            "connectionId", s(gone),
                            "sk", s("CONNECTION"),
                            "userId", s(owner.userId()),
                            "subscriptions", AttributeValue.fromN("1"),
                            "expiresAt", AttributeValue.fromN(Long.toString(expires)))));
    cloud
        .dynamoDb()
        .putItem(
            r ->
                r.tableName(table)
                    .item(
                        Map.of(
                            "connectionId", s(gone),
                            "sk", s("VIDEO#" + videoId),
                            "videoId", s(videoId),
                            "expiresAt", AttributeValue.fromN(Long.toString(expires)))));
    try (Socket live = Socket.connect(webSocket(), owner.cookie())) {
      live.send(subscribe(videoId));
      assertThat(live.next().path("type").asText()).isEqualTo("subscribed");
      assertThat(subscribers(videoId)).hasSize(2);

      // the transcode function's own publisher, configured from its template environment
      var publisher =
          WebSocketStatusPublisher.fromConfig(
                  Config.of(cloud.environment("TranscodeFunction")),
                  CONTRACT.limits(),
                  Clock.systemUTC())
              .orElseThrow();
      publisher.started(videoId);

      assertThat(live.next().path("type").asText()).isEqualTo("transcode.started");
      assertThat(itemsOf(gone)).isZero();
      assertThat(subscribers(videoId)).hasSize(1).doesNotContain(gone);
    }
  }

  private void uploadSource(String videoId, Path file) throws IOException {
    cloud
        .s3()
        .putObject(
            r -> r.bucket(cloud.physicalName("RawBucket")).key("raw/" + videoId + "/source"),
            RequestBody.fromBytes(Files.readAllBytes(file)));
  }

  /** A 4 s 640×360 test pattern with a tone, made by the ffmpeg layer's own binary. */
  private static Path clip(Path directory) throws IOException, InterruptedException {
    Path root = Path.of(System.getProperty("kinora.root", "../.."));
    Path ffmpeg = root.resolve("layers/ffmpeg/target/layer/bin/ffmpeg").toAbsolutePath();
    Path clip = directory.resolve("clip.mp4");
    Process process =
        new ProcessBuilder(
                ffmpeg.toString(),
                "-hide_banner",
                "-loglevel",
                "error",
                "-y",
                "-f",
                "lavfi",
                "-i",
                "testsrc2=size=640x360:rate=15",
                "-f",
                "lavfi",
                "-i",
                "sine=frequency=440:sample_rate=44100",
                "-t",
                "4",
                "-c:v",
                "libx264",
                "-preset",
                "ultrafast",
                "-pix_fmt",
                "yuv420p",
                "-c:a",
                "aac",
                "-shortest",
                clip.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IOException("ffmpeg could not make a clip: " + output);
    }
    return clip;
  }
}
