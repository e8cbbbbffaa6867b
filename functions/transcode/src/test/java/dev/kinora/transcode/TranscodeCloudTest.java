package dev.kinora.transcode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kinora.local.LocalCloud;
import dev.kinora.local.testing.KinoraCloud;
import dev.kinora.shared.config.Config;
import dev.kinora.shared.contract.Contract;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The transcode pipeline end to end in the local cloud with the repository's template.yaml: an
 * original lands in RawBucket → S3 event → TranscodeQueue → TranscodeFunction (the ffmpeg layer's
 * real binaries through {@code FFMPEG_BIN_DIR=/opt/bin}) → MediaBucket → VideosTable row.
 */
@KinoraCloud
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TranscodeCloudTest {
  private static final String ID_ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";

  /** Generous: the machine is shared; polling stops as soon as the row changes. */
  private static final Duration PATIENCE = Duration.ofSeconds(90);

  private final LocalCloud cloud;
  private final SecureRandom random = new SecureRandom();
  private Path clip;

  TranscodeCloudTest(LocalCloud cloud) {
    this.cloud = cloud;
  }

  @BeforeAll
  void makeAClip(@TempDir Path clips) throws Exception {
    clip = Clips.withAudio(clips, "clip.mp4", 640, 360, 2);
  }

  private String newVideoId() {
    int length = Contract.load().limits().video().idLength();
    var id = new StringBuilder();
    for (int i = 0; i < length; i++) {
      id.append(ID_ALPHABET.charAt(random.nextInt(ID_ALPHABET.length())));
    }
    return id.toString();
  }

  /** The row the uploads function leaves behind when an upload completes. */
  private void processingVideo(String videoId) {
    String now = Instant.now().toString();
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("id", AttributeValue.fromS(videoId));
    item.put("ownerId", AttributeValue.fromS("owner-" + videoId));
    item.put("channelId", AttributeValue.fromS("channel-" + videoId));
    item.put("title", AttributeValue.fromS("A test pattern"));
    item.put("description", AttributeValue.fromS(""));
    item.put("visibility", AttributeValue.fromS("public"));
    item.put("status", AttributeValue.fromS("processing"));
    item.put("sourceKey", AttributeValue.fromS("raw/" + videoId + "/source"));
    item.put("createdAt", AttributeValue.fromS(now));
    item.put("updatedAt", AttributeValue.fromS(now));
    cloud.dynamoDb().putItem(r -> r.tableName(cloud.physicalName("VideosTable")).item(item));
  }

  private Map<String, AttributeValue> row(String videoId) {
    return cloud
        .dynamoDb()
        .getItem(
            r ->
                r.tableName(cloud.physicalName("VideosTable"))
                    .key(Map.of("id", AttributeValue.fromS(videoId)))
                    .consistentRead(true))
        .item();
  }

  private Map<String, AttributeValue> finished(String videoId) throws InterruptedException {
    return eventually(
        () -> {
          var row = row(videoId);
          return "processing".equals(row.get("status").s()) ? null : row;
        });
  }

  private static <T> T eventually(Supplier<T> probe) throws InterruptedException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (System.nanoTime() < deadline) {
      T value = probe.get();
      if (value != null) {
        return value;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("nothing happened within " + PATIENCE);
  }

  /** Uploads like the browser does: a multipart upload with presigned-equivalent part PUTs. */
  private void uploadMultipart(String videoId, Path file) throws Exception {
    String bucket = cloud.physicalName("RawBucket");
    String key = "raw/" + videoId + "/source";
    String uploadId = cloud.s3().createMultipartUpload(r -> r.bucket(bucket).key(key)).uploadId();
    byte[] bytes = Files.readAllBytes(file);
    var part =
        cloud
            .s3()
            .uploadPart(
                r -> r.bucket(bucket).key(key).uploadId(uploadId).partNumber(1),
                RequestBody.fromBytes(bytes));
    cloud
        .s3()
        .completeMultipartUpload(
            r ->
                r.bucket(bucket)
                    .key(key)
                    .uploadId(uploadId)
                    .multipartUpload(
                        m ->
                            m.parts(
                                CompletedPart.builder().partNumber(1).eTag(part.eTag()).build())));
  }

  private void uploadPut(String videoId, byte[] bytes) {
    cloud
        .s3()
        .putObject(
            r -> r.bucket(cloud.physicalName("RawBucket")).key("raw/" + videoId + "/source"),
            RequestBody.fromBytes(bytes));
  }

  private String media(String key) {
    return cloud
        .s3()
        .getObjectAsBytes(r -> r.bucket(cloud.physicalName("MediaBucket")).key(key))
        .asUtf8String();
  }

  private String storedContentType(String key) {
    return cloud
        .s3()
        .headObject(r -> r.bucket(cloud.physicalName("MediaBucket")).key(key))
        .contentType();
  }

  private List<S3Object> mediaObjects(String videoId) {
    return cloud
        .s3()
        .listObjectsV2(r -> r.bucket(cloud.physicalName("MediaBucket")).prefix("media/" + videoId))
        .contents();
  }

  /** A poster URL: 128 random bits, 22 URL-safe base64 characters, in the video's folder. */
  private static String posterUrl(String videoId) {
    return "/media/" + videoId + "/poster-[A-Za-z0-9_-]{22}\\.jpg";
  }

  /** The video's poster objects: every JPEG of its folder but the storyboard sprite. */
  private List<String> posterKeys(String videoId) {
    return mediaObjects(videoId).stream()
        .map(S3Object::key)
        .filter(key -> key.endsWith(".jpg") && !key.endsWith("/storyboard.jpg"))
        .toList();
  }

  @Test
  void aTranscodeRetriedAfterItsOutputsWereWrittenLeavesExactlyOnePoster() throws Exception {
    String videoId = newVideoId();
    processingVideo(videoId);
    // Outside raw/{id}/source, so the bucket's notification does not start the function too.
    String key = "retry/" + videoId + "/source";
    cloud
        .s3()
        .putObject(
            r -> r.bucket(cloud.physicalName("RawBucket")).key(key), RequestBody.fromFile(clip));
    Wiring wiring = Wiring.from(Config.of(cloud.environment("TranscodeFunction")));
    TranscodeBackend real = wiring.backend();
    var attempts = new java.util.concurrent.atomic.AtomicInteger();
    TranscodeService service =
        wiring.transcodeService(
            job -> {
              TranscodeOutcome outcome = real.transcode(job);
              if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("the first attempt dies after its uploads");
              }
              return outcome;
            });
    var source = new SourceUpload(cloud.physicalName("RawBucket"), key, videoId, Files.size(clip));

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> service.transcode(source))
        .hasMessageContaining("first attempt");
    List<String> afterTheCrash = posterKeys(videoId);
    assertThat(service.transcode(source)).isEqualTo(TranscodeService.Result.TRANSCODED);

    var row = row(videoId);
    assertThat(row.get("status").s()).isEqualTo("ready");
    assertThat(afterTheCrash).as("the crashed attempt had written its poster").hasSize(1);
    assertThat(posterKeys(videoId))
        .as("the retry overwrote it rather than adding another")
        .containsExactly(row.get("thumbnailUrl").s().substring(1))
        .isEqualTo(afterTheCrash);
  }

  /** URIs a playlist names: variant playlists, segments, and the fMP4 init segment. */
  private static List<String> references(String playlist) {
    List<String> uris = new ArrayList<>();
    for (String line : playlist.split("\n")) {
      String trimmed = line.strip();
      if (trimmed.startsWith("#EXT-X-MAP:")) {
        int start = trimmed.indexOf("URI=\"") + 5;
        uris.add(trimmed.substring(start, trimmed.indexOf('"', start)));
      } else if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
        uris.add(trimmed);
      }
    }
    return uris;
  }

  private static String parent(String key) {
    return key.substring(0, key.lastIndexOf('/') + 1);
  }

  @Test
  void anUploadedClipBecomesAReadyHlsLadderServedByTheFrontDoor() throws Exception {
    String videoId = newVideoId();
    processingVideo(videoId);

    uploadMultipart(videoId, clip);
    var row = finished(videoId);

    assertThat(row.get("status").s()).as("%s", row).isEqualTo("ready");
    assertThat(row.get("resolutions").l()).extracting(AttributeValue::s).containsExactly("360p");
    assertThat(row.get("playableResolutions").l())
        .extracting(AttributeValue::s)
        .containsExactly("360p");
    assertThat(Double.parseDouble(row.get("durationSeconds").n())).isBetween(1.5, 2.5);
    assertThat(row.get("playlistUrl").s()).isEqualTo("/media/" + videoId + "/master.m3u8");
    assertThat(row.get("thumbnailUrl").s()).matches(posterUrl(videoId));
    assertThat(row.get("storyboardUrl").s()).isEqualTo("/media/" + videoId + "/storyboard.jpg");
    assertThat(row)
        .containsKey("publishedAt")
        .doesNotContainKey("failureReason")
        .as("the token only ties attempts together while processing")
        .doesNotContainKey("posterToken");

    String masterKey = "media/" + videoId + "/master.m3u8";
    String master = media(masterKey);
    assertThat(master).startsWith("#EXTM3U").contains("#EXT-X-STREAM-INF:", "BANDWIDTH=");
    assertThat(storedContentType(masterKey)).isEqualTo("application/vnd.apple.mpegurl");
    List<String> variants = references(master);
    assertThat(variants).isNotEmpty();
    for (String variant : variants) {
      String variantKey = parent(masterKey) + variant;
      String playlist = media(variantKey);
      assertThat(playlist).startsWith("#EXTM3U").contains("#EXT-X-ENDLIST");
      assertThat(storedContentType(variantKey)).isEqualTo("application/vnd.apple.mpegurl");
      List<String> segments = references(playlist);
      assertThat(segments).as("segments of %s", variantKey).isNotEmpty();
      for (String segment : segments) {
        String segmentKey = parent(variantKey) + segment;
        assertThat(storedContentType(segmentKey))
            .as(segmentKey)
            .isIn("video/iso.segment", "video/mp4", "video/mp2t");
      }
    }
    assertThat(storedContentType(row.get("thumbnailUrl").s().substring(1))).isEqualTo("image/jpeg");
    assertThat(posterKeys(videoId)).containsExactly(row.get("thumbnailUrl").s().substring(1));

    var response =
        cloud
            .httpClient()
            .send(
                HttpRequest.newBuilder(cloud.url("/media/" + videoId + "/master.m3u8")).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type"))
        .hasValue("application/vnd.apple.mpegurl");
    assertThat(response.body()).isEqualTo(master);
  }

  @Test
  void aSourcesMovTextSubtitlesArePublishedAsACaptionTrackOfTheReadyVideo(@TempDir Path work)
      throws Exception {
    Path srt = work.resolve("fr.srt");
    Files.writeString(srt, "1\n00:00:00,300 --> 00:00:01,800\nBonjour du fichier\n");
    Path source = Clips.withMovText(clip, srt, "fra", work.resolve("with-subs.mp4"));
    String videoId = newVideoId();
    processingVideo(videoId);

    uploadMultipart(videoId, source);
    var row = finished(videoId);

    assertThat(row.get("status").s()).as("%s", row).isEqualTo("ready");
    var track = row.get("captions").m().get("fr").m();
    assertThat(track.get("label").s()).isEqualTo("French");
    assertThat(track.get("source").s()).isEqualTo("embedded");
    assertThat(track.get("kind").s()).isEqualTo("subtitles");
    assertThat(track.get("cueCount").n()).isEqualTo("1");
    String prefix = "media/" + videoId + "/";
    assertThat(media(prefix + "captions/fr.vtt"))
        .isEqualTo("WEBVTT\n\n00:00:00.300 --> 00:00:01.800\nBonjour du fichier\n");
    assertThat(storedContentType(prefix + "captions/fr.vtt")).startsWith("text/vtt");
    assertThat(media(prefix + "captions/fr.m3u8")).contains("fr.vtt", "#EXT-X-ENDLIST");
    String master = media(prefix + "master.m3u8");
    assertThat(master)
        .contains(
            "#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID=\"subs\",NAME=\"French\",LANGUAGE=\"fr\","
                + "DEFAULT=NO,AUTOSELECT=YES,URI=\"captions/fr.m3u8\"")
        .contains(",SUBTITLES=\"subs\"\n360p/index.m3u8");
  }

  @Test
  void theSameS3EventDeliveredTwiceTranscodesOnce() throws Exception {
    String videoId = newVideoId();
    processingVideo(videoId);
    uploadMultipart(videoId, clip);
    var first = finished(videoId);
    var objects = mediaObjects(videoId);
    assertThat(objects).isNotEmpty();

    // S3 keeps Last-Modified in seconds: let one pass, so a rewrite would show.
    Thread.sleep(1_100);
    // What S3 sent for the upload, sent again (S3 delivers at least once).
    String queue = cloud.queueUrl("TranscodeQueue");
    cloud.sqs().sendMessage(r -> r.queueUrl(queue).messageBody(s3Event(videoId)));
    eventually(() -> drained(queue) ? Boolean.TRUE : null);

    assertThat(row(videoId).get("updatedAt")).isEqualTo(first.get("updatedAt"));
    assertThat(mediaObjects(videoId))
        .as("no object written again")
        .extracting(S3Object::key, S3Object::lastModified, S3Object::eTag)
        .containsExactlyInAnyOrderElementsOf(
            objects.stream()
                .map(o -> org.assertj.core.groups.Tuple.tuple(o.key(), o.lastModified(), o.eTag()))
                .toList());
  }

  @Test
  void poisonInputsEndFailedWithTheirOwnReason() throws Exception {
    Map<String, byte[]> poisons = new HashMap<>();
    poisons.put("zero-byte", new byte[0]);
    poisons.put(
        "text renamed .mp4",
        "Dear diary, today I renamed this note to holiday.mp4.\n".getBytes(StandardCharsets.UTF_8));
    poisons.put(
        "disguised playlist",
        ("#EXTM3U\n#EXT-X-TARGETDURATION:10\n#EXTINF:10,\n"
                + "http://169.254.169.254/latest/meta-data/iam/security-credentials/\n"
                + "#EXT-X-ENDLIST\n")
            .getBytes(StandardCharsets.UTF_8));
    Map<String, String> videos = new HashMap<>();
    for (var poison : poisons.entrySet()) {
      String videoId = newVideoId();
      processingVideo(videoId);
      uploadPut(videoId, poison.getValue());
      videos.put(poison.getKey(), videoId);
    }

    Map<String, String> reasons = new HashMap<>();
    for (var video : videos.entrySet()) {
      var row = finished(video.getValue());
      assertThat(row.get("status").s()).as(video.getKey()).isEqualTo("failed");
      reasons.put(video.getKey(), row.get("failureReason").s());
      assertThat(mediaObjects(video.getValue())).as("nothing published").isEmpty();
    }
    assertThat(reasons.get("zero-byte")).containsIgnoringCase("empty");
    assertThat(reasons.get("text renamed .mp4")).containsIgnoringCase("text");
    assertThat(reasons.get("disguised playlist")).containsIgnoringCase("playlist");
  }

  private boolean drained(String queue) {
    var attributes =
        cloud
            .sqs()
            .getQueueAttributes(
                r ->
                    r.queueUrl(queue)
                        .attributeNames(
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
            .attributes();
    return "0".equals(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
        && "0"
            .equals(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
  }

  private String s3Event(String videoId) {
    return SqsMessages.objectCreated(
            "unused", cloud.physicalName("RawBucket"), "raw/" + videoId + "/source")
        .getRecords()
        .getFirst()
        .getBody();
  }
}
