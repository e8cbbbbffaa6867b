package dev.kinora.transcode.mediaconvert;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kinora.local.LocalCloud;
import dev.kinora.local.testing.KinoraCloud;
import dev.kinora.shared.contract.Contract;
import dev.kinora.shared.json.Json;
import dev.kinora.transcode.DynamoVideoStatusStore;
import dev.kinora.transcode.MediaFiles;
import dev.kinora.transcode.S3ObjectStorage;
import dev.kinora.transcode.ffmpeg.TranscodeSettings;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The events finisher writing the real VideosTable of the repository's template.yaml in the local
 * cloud (DynamoDB through the real SDK client), fed the sample events under events/. The events
 * function itself exists only with TranscodeBackend=mediaconvert, which the local cloud does not
 * deploy, and the local cloud has no EventBridge: this covers everything after the rule.
 */
@KinoraCloud
class MediaConvertEventsCloudTest {
  private final LocalCloud cloud;
  private final String table;
  private final RecordingVideos publisher = new RecordingVideos();
  private final MediaConvertEventsHandler handler;

  MediaConvertEventsCloudTest(LocalCloud cloud) {
    this.cloud = cloud;
    this.table = cloud.physicalName("VideosTable");
    this.handler =
        new MediaConvertEventsHandler(
            new MediaConvertJobFinisher(
                new DynamoVideoStatusStore(cloud.dynamoDb(), table, Clock.systemUTC()),
                MediaConvertWiring.posterCopy(
                    new S3ObjectStorage(cloud.s3()),
                    cloud.physicalName("MediaBucket"),
                    new MediaFiles(Contract.load().limits().media())),
                publisher,
                LadderSpec.from(TranscodeSettings.load()),
                Contract.load().limits().video().idLength()));
  }

  @Test
  void aCompleteEventMakesTheStoredVideoReadyOnceWithItsMedia() throws Exception {
    String id = processingVideo();
    String event = sample(SampleEvents.COMPLETE, SampleEvents.COMPLETED_VIDEO, id);
    frameCaptures(id);

    invoke(event);
    Map<String, AttributeValue> first = item(id);
    invoke(event);

    assertThat(first.get("status").s()).isEqualTo("ready");
    assertThat(first.get("resolutions").l())
        .extracting(AttributeValue::s)
        .containsExactly("1080p", "720p", "480p", "360p");
    assertThat(first.get("durationSeconds").n()).isEqualTo("63.04");
    assertThat(first.get("playlistUrl").s()).isEqualTo("/media/" + id + "/master.m3u8");
    assertThat(first.get("thumbnailUrl").s())
        .matches("/media/" + id + "/poster-[A-Za-z0-9_-]{22}\\.jpg");
    assertThat(posters(id))
        .as("the chosen capture, copied under the poster key once")
        .containsExactly(first.get("thumbnailUrl").s().substring(1));
    assertThat(
            cloud
                .s3()
                .headObject(
                    r ->
                        r.bucket(cloud.physicalName("MediaBucket"))
                            .key(first.get("thumbnailUrl").s().substring(1)))
                .cacheControl())
        .as("the poster moves when the video turns private: edges keep it for an hour at most")
        .isEqualTo("public, max-age=3600");
    assertThat(first).doesNotContainKey("storyboardUrl").containsKey("publishedAt");
    assertThat(item(id)).as("the redelivery wrote nothing").isEqualTo(first);
    assertThat(publisher.published).containsExactly("completed " + id);
  }

  @Test
  void anErrorEventFailsTheStoredVideoWithTheReasonTheUploaderSees() throws Exception {
    String id = processingVideo();

    invoke(sample(SampleEvents.ERROR, SampleEvents.FAILED_VIDEO, id));

    Map<String, AttributeValue> item = item(id);
    assertThat(item.get("status").s()).isEqualTo("failed");
    assertThat(item.get("failureReason").s()).isEqualTo(JobFailureReasons.NOT_A_VIDEO);
  }

  private String processingVideo() {
    String id = UUID.randomUUID().toString().replace("-", "").substring(0, 11);
    cloud
        .dynamoDb()
        .putItem(
            r ->
                r.tableName(table)
                    .item(
                        Map.of(
                            "id", AttributeValue.fromS(id),
                            "status", AttributeValue.fromS("processing"),
                            "ownerId", AttributeValue.fromS("acct-1"),
                            "title", AttributeValue.fromS("clip.mp4"))));
    return id;
  }

  /** The frame captures the sample job names (thumbnail.0000000.jpg … its last one). */
  private void frameCaptures(String id) {
    for (int i = 0; i <= 10; i++) {
      String key = "media/" + id + "/thumbnail." + String.format("%07d", i) + ".jpg";
      cloud
          .s3()
          .putObject(
              r -> r.bucket(cloud.physicalName("MediaBucket")).key(key).contentType("image/jpeg"),
              RequestBody.fromString("capture"));
    }
  }

  private List<String> posters(String id) {
    return cloud
        .s3()
        .listObjectsV2(
            r -> r.bucket(cloud.physicalName("MediaBucket")).prefix("media/" + id + "/poster-"))
        .contents()
        .stream()
        .map(S3Object::key)
        .toList();
  }

  private Map<String, AttributeValue> item(String id) {
    return cloud
        .dynamoDb()
        .getItem(r -> r.tableName(table).key(Map.of("id", AttributeValue.fromS(id))))
        .item();
  }

  /** The sample event, about the given video instead of the sample's. */
  private static String sample(String name, String sampleVideoId, String videoId) {
    ObjectNode event = SampleEvents.tree(name);
    return Json.write(event).replace(sampleVideoId, videoId);
  }

  private void invoke(String event) throws Exception {
    handler.handleRequest(
        new ByteArrayInputStream(event.getBytes(UTF_8)), new ByteArrayOutputStream(), null);
  }
}
