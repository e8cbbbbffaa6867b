package dev.kinora.uploads;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kinora.local.LocalCloud;
import dev.kinora.local.services.S3ObjectEvent;
import dev.kinora.local.testing.KinoraCloud;
import dev.kinora.local.testing.Visitor;
import dev.kinora.shared.contract.Contract;
import dev.kinora.shared.contract.Limits;
import dev.kinora.shared.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Uploads end to end: the repository's template.yaml in the local cloud, a signed-up user calling
 * the routes through the front door behind the session authorizer, part bytes PUT to the presigned
 * URLs on the local S3 server exactly as the browser does, real DynamoDB transactions.
 */
@KinoraCloud
class UploadsCloudTest {
  private static final Contract CONTRACT = Contract.load();
  private static final Limits.UploadLimits LIMITS = CONTRACT.limits().upload();
  private static final int CHUNK = Math.toIntExact(LIMITS.chunkSizeBytes());
  private static final String METADATA =
      Json.write(
          Map.of(
              "title", "A walk in the park",
              "description", "Leaves.",
              "tags", List.of("walk", "autumn"),
              "visibility", "public"));

  private final LocalCloud cloud;
  private final AtomicInteger partPuts = new AtomicInteger();

  UploadsCloudTest(LocalCloud cloud) {
    this.cloud = cloud;
  }

  // ------------------------------------------------------------------------------------ helpers

  private Visitor signedUp() {
    return Visitor.signedUp(cloud);
  }

  private static Visitor.Reply init(Visitor visitor, String filename, long size, String type) {
    return visitor.post(
        "/api/v1/uploads",
        Json.write(Map.of("filename", filename, "fileSize", size, "mimeType", type)));
  }

  /** A started upload: its session JSON ({@code data}). */
  private static JsonNode started(Visitor visitor, String filename, long size) {
    var reply = init(visitor, filename, size, "video/mp4");
    assertThat(reply.status()).as(reply.raw().body()).isEqualTo(201);
    assertThat(CONTRACT.validate("UploadSessionResponse", reply.body())).isEmpty();
    return reply.body().path("data");
  }

  private static Map<Integer, URI> partUrls(Visitor visitor, String uploadId, Integer... parts) {
    var reply =
        visitor.post(
            "/api/v1/uploads/" + uploadId + "/parts",
            Json.write(Map.of("partNumbers", List.of(parts))));
    assertThat(reply.status()).as(reply.raw().body()).isEqualTo(200);
    assertThat(CONTRACT.validate("UploadPartUrlsResponse", reply.body())).isEmpty();
    var urls = new HashMap<Integer, URI>();
    reply
        .body()
        .at("/data/parts")
        .forEach(p -> urls.put(p.path("partNumber").asInt(), URI.create(p.path("url").asText())));
    return urls;
  }

  /** PUTs one part's bytes to its presigned URL from the SPA's origin, as the browser does. */
  private HttpResponse<String> put(URI url, byte[] bytes) {
    partPuts.incrementAndGet();
    try {
      return cloud
          .httpClient()
          .send(
              HttpRequest.newBuilder(url)
                  .header("Origin", cloud.frontDoorUrl().toString().replaceAll("/$", ""))
                  .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void putOk(URI url, byte[] bytes) {
    var response = put(url, bytes);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }

  private static Visitor.Reply complete(Visitor visitor, String uploadId) {
    return visitor.post("/api/v1/uploads/" + uploadId + "/complete", METADATA);
  }

  private static byte[] filled(int size, char value) {
    byte[] bytes = new byte[size];
    Arrays.fill(bytes, (byte) value);
    return bytes;
  }

  private String rawBucket() {
    return cloud.physicalName("RawBucket");
  }

  private Map<String, AttributeValue> videoRow(String videoId) {
    return cloud
        .dynamoDb()
        .getItem(
            r ->
                r.tableName(cloud.physicalName("VideosTable"))
                    .key(Map.of("id", AttributeValue.fromS(videoId)))
                    .consistentRead(true))
        .item();
  }

  private String multipartUploadId(String uploadId) {
    return cloud
        .dynamoDb()
        .getItem(
            r ->
                r.tableName(cloud.physicalName("UploadsTable"))
                    .key(Map.of("id", AttributeValue.fromS(uploadId))))
        .item()
        .get("multipartUploadId")
        .s();
  }

  /**
   * How many parts the raw bucket holds for the session's multipart upload: 0 once it is aborted
   * (S3 answers NoSuchUpload then, the local S3 server an empty list).
   */
  private int storedParts(JsonNode session) {
    try {
      return cloud
          .s3()
          .listParts(
              r ->
                  r.bucket(rawBucket())
                      .key("raw/" + session.path("videoId").asText() + "/source")
                      .uploadId(multipartUploadId(session.path("id").asText())))
          .parts()
          .size();
    } catch (S3Exception e) {
      assertThat(e.statusCode()).isEqualTo(404);
      return 0;
    }
  }

  /** Whether the bucket still lists the session's multipart upload as in progress. */
  private boolean multipartListed(JsonNode session) {
    String uploadId = multipartUploadId(session.path("id").asText());
    return cloud.s3().listMultipartUploads(r -> r.bucket(rawBucket())).uploads().stream()
        .anyMatch(u -> u.uploadId().equals(uploadId));
  }

  // -------------------------------------------------------------------------------------- tests

  @Test
  void happyPathPartsGoStraightToS3AndTheVideoBecomesProcessing() {
    List<S3ObjectEvent> events = new CopyOnWriteArrayList<>();
    cloud.s3Events().addListener(events::add);
    var ada = signedUp();
    long size = 2L * CHUNK + 1234;
    JsonNode session = started(ada, "Autumn walk.mp4", size);
    String id = session.path("id").asText();
    String videoId = session.path("videoId").asText();
    assertThat(session.path("totalChunks").asInt()).isEqualTo(3);
    assertThat(session.path("chunkSize").asLong()).isEqualTo(CHUNK);
    assertThat(videoRow(videoId).get("status").s()).isEqualTo("uploading");

    Map<Integer, URI> urls = partUrls(ada, id, 1, 2, 3);
    assertThat(urls.get(1).toString())
        .as("the browser PUTs to the S3 endpoint itself")
        .startsWith(cloud.s3Endpoint().toString().replaceAll("/$", ""));
    for (int part = 1; part <= 3; part++) {
      var response = put(urls.get(part), filled(part < 3 ? CHUNK : 1234, (char) ('a' + part)));
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      assertThat(response.headers().firstValue("etag")).isPresent();
      assertThat(response.headers().firstValue("access-control-expose-headers").orElse(""))
          .containsIgnoringCase("etag");
    }
    assertThat(ada.get("/api/v1/uploads/" + id).body().at("/data/uploadedChunks"))
        .extracting(JsonNode::asInt)
        .containsExactly(1, 2, 3);

    var completed = complete(ada, id);

    assertThat(completed.status()).as(completed.raw().body()).isEqualTo(201);
    assertThat(CONTRACT.validate("VideoResponse", completed.body())).isEmpty();
    assertThat(completed.body().at("/data/status").asText()).isEqualTo("processing");
    assertThat(completed.body().at("/data/title").asText()).isEqualTo("A walk in the park");
    var head = cloud.s3().headObject(r -> r.bucket(rawBucket()).key("raw/" + videoId + "/source"));
    assertThat(head.contentLength()).isEqualTo(size);
    assertThat(head.contentType()).isEqualTo("video/mp4");
    assertThat(head.metadata()).containsEntry("filename", "Autumn%20walk.mp4");
    assertThat(videoRow(videoId).get("status").s()).isEqualTo("processing");
    assertThat(ada.get("/api/v1/uploads/" + id).body().at("/data/status").asText())
        .isEqualTo("completed");
    S3ObjectEvent created =
        events.stream()
            .filter(e -> e.key().equals("raw/" + videoId + "/source"))
            .findFirst()
            .orElseThrow();
    System.out.println("[uploads] S3 event of a completed upload: " + created);
    assertThat(created.size()).isEqualTo(size);
    assertThat(created.eTag()).endsWith("-3");
  }

  @Test
  void resumingAfterLosingHalfThePartResponsesSendsOnlyWhatS3LacksAndCompletes() {
    var ada = signedUp();
    JsonNode session = started(ada, "resume.mp4", 3L * CHUNK);
    String id = session.path("id").asText();
    Map<Integer, URI> urls = partUrls(ada, id, 1, 2, 3);
    // The tab sent parts 1 and 3, lost their answers and never sent 2, then the page reloaded.
    put(urls.get(1), filled(CHUNK, 'x'));
    put(urls.get(3), filled(CHUNK, 'z'));
    int putsBeforeResume = partPuts.get();

    JsonNode resumed = ada.get("/api/v1/uploads/" + id).body().path("data");
    List<Integer> have = new ArrayList<>();
    resumed.path("uploadedChunks").forEach(n -> have.add(n.asInt()));
    assertThat(have).containsExactly(1, 3);
    for (int part = 1; part <= resumed.path("totalChunks").asInt(); part++) {
      if (!have.contains(part)) {
        putOk(partUrls(ada, id, part).get(part), filled(CHUNK, 'y'));
      }
    }

    assertThat(partPuts.get() - putsBeforeResume).as("only part 2 was sent again").isEqualTo(1);
    assertThat(complete(ada, id).status()).isEqualTo(201);
  }

  @Test
  void partsUploadedOutOfOrderAreAssembledInPartOrder() {
    var ada = signedUp();
    JsonNode session = started(ada, "order.mp4", 2L * CHUNK + 3);
    String id = session.path("id").asText();
    Map<Integer, URI> urls = partUrls(ada, id, 3, 1, 2);
    putOk(urls.get(3), filled(3, 'c'));
    putOk(urls.get(1), filled(CHUNK, 'a'));
    putOk(urls.get(2), filled(CHUNK, 'b'));

    assertThat(complete(ada, id).status()).isEqualTo(201);
    String key = "raw/" + session.path("videoId").asText() + "/source";
    var edges =
        cloud
            .s3()
            .getObjectAsBytes(
                r -> r.bucket(rawBucket()).key(key).range("bytes=" + (2L * CHUNK - 1) + "-"))
            .asUtf8String();
    assertThat(edges).isEqualTo("bccc");
  }

  @Test
  void aMissingPartAnswersUploadIncompleteListingIt() {
    var ada = signedUp();
    JsonNode session = started(ada, "gap.mp4", 2L * CHUNK + 10);
    String id = session.path("id").asText();
    Map<Integer, URI> urls = partUrls(ada, id, 1, 3);
    putOk(urls.get(1), filled(CHUNK, 'a'));
    putOk(urls.get(3), filled(10, 'c'));

    var reply = complete(ada, id);

    assertThat(reply.status()).isEqualTo(409);
    assertThat(CONTRACT.validate("ErrorEnvelope", reply.body())).isEmpty();
    assertThat(reply.code()).isEqualTo("UPLOAD_INCOMPLETE");
    assertThat(reply.body().at("/error/details/missingParts"))
        .extracting(JsonNode::asInt)
        .containsExactly(2);
    assertThat(videoRow(session.path("videoId").asText()).get("status").s()).isEqualTo("uploading");
  }

  @Test
  void storedBytesThatDifferFromTheDeclaredSizeAnswerUploadIncomplete() {
    var ada = signedUp();
    JsonNode session = started(ada, "short.mp4", CHUNK + 100L);
    String id = session.path("id").asText();
    Map<Integer, URI> urls = partUrls(ada, id, 1, 2);
    putOk(urls.get(1), filled(CHUNK, 'a'));
    putOk(urls.get(2), filled(50, 'b'));

    var reply = complete(ada, id);

    assertThat(reply.status()).isEqualTo(409);
    assertThat(reply.code()).isEqualTo("UPLOAD_INCOMPLETE");
    assertThat(reply.body().at("/error/message").asText())
        .contains("hold " + (CHUNK + 50) + " bytes but the file has " + (CHUNK + 100));
  }

  @Test
  void aTypeThatIsNotVideoIsUnsupported() {
    var reply = init(signedUp(), "notes.pdf", 1000, "application/pdf");

    assertThat(reply.status()).isEqualTo(415);
    assertThat(reply.code()).isEqualTo("UNSUPPORTED_FORMAT");
  }

  @Test
  void fiveGibibytesAndOneByteIsTooLarge() {
    var reply = init(signedUp(), "huge.mp4", LIMITS.maxFileSizeBytes() + 1, "video/mp4");

    assertThat(reply.status()).isEqualTo(413);
    assertThat(reply.code()).isEqualTo("FILE_TOO_LARGE");
  }

  @Test
  void anotherUsersSessionIsForbiddenOnEveryRouteAndInitCannotHijackIt() {
    var ada = signedUp();
    var bob = signedUp();
    JsonNode session = started(ada, "mine.mp4", 10);
    String id = session.path("id").asText();
    putOk(partUrls(ada, id, 1).get(1), filled(10, 'a'));

    var presign =
        bob.post("/api/v1/uploads/" + id + "/parts", Json.write(Map.of("partNumbers", List.of(1))));
    var get = bob.get("/api/v1/uploads/" + id);
    var completeByBob = complete(bob, id);
    var cancel = bob.send("DELETE", "/api/v1/uploads/" + id, null, true);
    // init names no session; it cannot be pointed at Ada's upload or video either
    var hijack =
        bob.post(
            "/api/v1/uploads",
            Json.write(
                Map.of(
                    "filename",
                    "mine.mp4",
                    "fileSize",
                    10,
                    "mimeType",
                    "video/mp4",
                    "id",
                    id,
                    "videoId",
                    session.path("videoId").asText())));

    for (var reply : List.of(presign, get, completeByBob, cancel)) {
      assertThat(reply.status()).as(reply.raw().body()).isEqualTo(403);
      assertThat(reply.code()).isEqualTo("FORBIDDEN");
    }
    assertThat(hijack.status()).isEqualTo(400);
    assertThat(hijack.code()).isEqualTo("VALIDATION_ERROR");
    assertThat(ada.get("/api/v1/uploads/" + id).body().at("/data/status").asText())
        .isEqualTo("active");
    assertThat(complete(ada, id).status()).isEqualTo(201);
    assertThat(ada.get("/api/v1/uploads/up_doesNotExist").code()).isEqualTo("NOT_FOUND");
  }

  @Test
  void completingTwiceIsAConflict() {
    var ada = signedUp();
    JsonNode session = started(ada, "twice.mp4", 10);
    String id = session.path("id").asText();
    putOk(partUrls(ada, id, 1).get(1), filled(10, 'a'));
    assertThat(complete(ada, id).status()).isEqualTo(201);

    var again = complete(ada, id);

    assertThat(again.status()).isEqualTo(409);
    assertThat(again.code()).isEqualTo("CONFLICT");
  }

  @Test
  void completingAfterCancelIsAConflictAndCancelAbortsTheMultipartUpload() {
    var ada = signedUp();
    JsonNode session = started(ada, "cancel.mp4", 10);
    String id = session.path("id").asText();
    putOk(partUrls(ada, id, 1).get(1), filled(10, 'a'));

    var cancel = ada.send("DELETE", "/api/v1/uploads/" + id, null, true);

    assertThat(cancel.status()).isEqualTo(204);
    assertThat(storedParts(session)).isZero();
    assertThat(multipartListed(session)).isFalse();
    assertThat(videoRow(session.path("videoId").asText())).isEmpty();
    var after = complete(ada, id);
    assertThat(after.status()).isEqualTo(409);
    assertThat(after.code()).isEqualTo("CONFLICT");
    assertThat(ada.get("/api/v1/uploads/" + id).body().at("/data/status").asText())
        .isEqualTo("cancelled");
  }

  @Test
  void theExpiryJobExpiresSessionsPastTheirExpiryAndAbortsTheirMultipartUploads() throws Exception {
    var ada = signedUp();
    JsonNode session = started(ada, "stale.mp4", 2L * CHUNK);
    String id = session.path("id").asText();
    putOk(partUrls(ada, id, 1).get(1), filled(CHUNK, 'a'));
    assertThat(storedParts(session)).isEqualTo(1);
    assertThat(multipartListed(session)).isTrue();
    String past = Long.toString(Instant.now().minusSeconds(60).getEpochSecond());
    cloud
        .dynamoDb()
        .updateItem(
            r ->
                r.tableName(cloud.physicalName("UploadsTable"))
                    .key(Map.of("id", AttributeValue.fromS(id)))
                    .updateExpression("SET expiresAt = :past, dueAt = :past")
                    .expressionAttributeValues(Map.of(":past", AttributeValue.fromN(past))));

    String result = cloud.triggers().find("ExpireUploadsFunction").orElseThrow().fire();

    System.out.println("[uploads] expiry job: " + result);
    assertThat(storedParts(session)).isZero();
    assertThat(multipartListed(session)).isFalse();
    assertThat(videoRow(session.path("videoId").asText())).isEmpty();
    assertThat(ada.get("/api/v1/uploads/" + id).body().at("/data/status").asText())
        .isEqualTo("expired");
    var late = complete(ada, id);
    assertThat(late.status()).isEqualTo(410);
    assertThat(late.code()).isEqualTo("UPLOAD_EXPIRED");
  }

  @Test
  void theSixthInitWithinAMinuteIsRateLimitedWithRetryAfter() throws Exception {
    var ada = signedUp();
    int allowed = CONTRACT.limits().rateLimit("uploadInit").requests();
    int window = CONTRACT.limits().rateLimit("uploadInit").windowSeconds();
    // Fixed windows: start early in one so every attempt falls in it.
    long intoWindow = Instant.now().getEpochSecond() % window;
    if (intoWindow > window - 15) {
      Thread.sleep((window + 1 - intoWindow) * 1000);
    }
    for (int i = 1; i <= allowed; i++) {
      assertThat(init(ada, "clip" + i + ".mp4", 10, "video/mp4").status())
          .as("init %d", i)
          .isEqualTo(201);
    }

    var sixth = init(ada, "one-more.mp4", 10, "video/mp4");

    assertThat(sixth.status()).isEqualTo(429);
    assertThat(sixth.code()).isEqualTo("RATE_LIMITED");
    long retryAfter = Long.parseLong(sixth.raw().headers().firstValue("retry-after").orElseThrow());
    assertThat(retryAfter).isBetween(1L, (long) window);
  }

  @Test
  void aFilenameOf256CharactersIsAValidationErrorAtFilename() {
    var reply = init(signedUp(), "a".repeat(252) + ".mp4", 10, "video/mp4");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.code()).isEqualTo("VALIDATION_ERROR");
    assertThat(reply.body().at("/error/details/issues/0/path").asText()).isEqualTo("/filename");
  }

  @Test
  void aPathTraversalFilenameCannotInfluenceTheStorageKey() {
    var ada = signedUp();
    JsonNode session = started(ada, "../../etc/passwd.mp4", 10);
    String id = session.path("id").asText();
    putOk(partUrls(ada, id, 1).get(1), filled(10, 'a'));
    assertThat(complete(ada, id).status()).isEqualTo(201);

    String videoId = session.path("videoId").asText();
    List<String> keys =
        cloud.s3().listObjectsV2(r -> r.bucket(rawBucket())).contents().stream()
            .map(o -> o.key())
            .toList();
    assertThat(keys).contains("raw/" + videoId + "/source").noneMatch(k -> k.contains("passwd"));
    assertThat(keys).allMatch(k -> k.matches("raw/[A-Za-z0-9_-]+/source"));
    assertThat(
            cloud
                .s3()
                .headObject(r -> r.bucket(rawBucket()).key("raw/" + videoId + "/source"))
                .metadata())
        .containsEntry("filename", "passwd.mp4");
  }
}
