package dev.kinora.local.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.JsonNode;
import dev.kinora.local.LocalCloud;
import dev.kinora.local.MultipartUploads;
import dev.kinora.local.testing.KinoraCloud;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.sqs.model.Message;

@KinoraCloud(template = "classpath:events-sources/template.yaml")
class S3NotificationsTest {
  private static final int FIVE_MIB = 5 * 1024 * 1024;

  @Test
  void presignedMultipartUploadRaisesCompleteMultipartUploadEventInTheQueue(LocalCloud cloud)
      throws Exception {
    String bucket = cloud.physicalName("RawBucket");
    String key = "raw/" + UUID.randomUUID() + "/My Clip (1).mp4";
    String eTag = uploadInTwoPresignedParts(cloud, bucket, key);

    Message message =
        Invocations.awaitMessage(
            cloud, "RawEventsQueue", m -> m.body().contains(S3EventMessages.encodeKey(key)));

    JsonNode record = Invocations.parse(message.body()).path("Records").path(0);
    assertThat(record.path("eventVersion").asText()).isEqualTo("2.1");
    assertThat(record.path("eventSource").asText()).isEqualTo("aws:s3");
    assertThat(record.path("awsRegion").asText()).isEqualTo("us-east-1");
    assertThat(record.path("eventName").asText())
        .isEqualTo("ObjectCreated:CompleteMultipartUpload");
    assertThat(record.path("eventTime").asText())
        .matches("\\d{4}-\\d\\d-\\d\\dT[\\d:]{8}\\.\\d{3}Z");
    assertThat(record.path("userIdentity").path("principalId").asText()).isNotEmpty();
    assertThat(record.path("requestParameters").path("sourceIPAddress").asText()).isNotEmpty();
    assertThat(record.path("responseElements").path("x-amz-request-id").asText()).isNotEmpty();
    assertThat(record.path("responseElements").path("x-amz-id-2").asText()).isNotEmpty();
    JsonNode s3 = record.path("s3");
    assertThat(s3.path("s3SchemaVersion").asText()).isEqualTo("1.0");
    assertThat(s3.path("configurationId").asText()).isNotEmpty();
    assertThat(s3.path("bucket").path("name").asText()).isEqualTo(bucket);
    assertThat(s3.path("bucket").path("arn").asText()).isEqualTo("arn:aws:s3:::" + bucket);
    assertThat(s3.path("bucket").path("ownerIdentity").path("principalId").asText()).isNotEmpty();
    assertThat(s3.path("object").path("key").asText())
        .as("keys are URL-encoded like S3 does")
        .endsWith("/My+Clip+%281%29.mp4")
        .startsWith("raw/");
    assertThat(s3.path("object").path("size").asLong()).isEqualTo(FIVE_MIB + 1024L);
    assertThat(s3.path("object").path("size").isNumber()).isTrue();
    assertThat(s3.path("object").path("eTag").asText()).isEqualTo(eTag);
    assertThat(s3.path("object").path("sequencer").asText()).matches("[0-9A-F]+");

    S3Event typed =
        LambdaEventSerializers.serializerFor(S3Event.class, getClass().getClassLoader())
            .fromJson(new ByteArrayInputStream(message.body().getBytes(StandardCharsets.UTF_8)));
    var parsed = typed.getRecords().get(0);
    assertThat(parsed.getS3().getObject().getUrlDecodedKey()).isEqualTo(key);
    assertThat(parsed.getS3().getObject().getSizeAsLong()).isEqualTo(FIVE_MIB + 1024L);
  }

  /**
   * Uploads a 5 MiB + 1 KiB object the way the browser will: presigned UploadPart PUTs, then a
   * completion built from ListParts. Returns the object's ETag without quotes.
   */
  private static String uploadInTwoPresignedParts(LocalCloud cloud, String bucket, String key)
      throws Exception {
    String uploadId = cloud.s3().createMultipartUpload(r -> r.bucket(bucket).key(key)).uploadId();
    byte[][] parts = {filled(FIVE_MIB, (byte) 'a'), filled(1024, (byte) 'b')};
    for (int number = 1; number <= parts.length; number++) {
      int part = number;
      var presigned =
          cloud
              .s3Presigner()
              .presignUploadPart(
                  p ->
                      p.signatureDuration(Duration.ofMinutes(5))
                          .uploadPartRequest(
                              u -> u.bucket(bucket).key(key).uploadId(uploadId).partNumber(part)));
      HttpResponse<Void> put =
          cloud
              .httpClient()
              .send(
                  HttpRequest.newBuilder(presigned.url().toURI())
                      .PUT(HttpRequest.BodyPublishers.ofByteArray(parts[part - 1]))
                      .build(),
                  HttpResponse.BodyHandlers.discarding());
      assertThat(put.statusCode()).isEqualTo(200);
    }
    var listed = cloud.s3().listParts(r -> r.bucket(bucket).key(key).uploadId(uploadId)).parts();
    return MultipartUploads.completeWithListedParts(cloud.s3(), bucket, key, uploadId, listed)
        .eTag()
        .replace("\"", "");
  }

  @Test
  void completedUploadReachesTheQueueConsumerFunctionAsAnS3EventInAnSqsEvent(LocalCloud cloud)
      throws Exception {
    String key = "raw/" + UUID.randomUUID() + "/clip.mp4";
    uploadInTwoPresignedParts(cloud, cloud.physicalName("UploadsBucket"), key);

    List<JsonNode> events =
        Invocations.await(
            cloud,
            "TranscodeLikeFunction",
            all -> all.stream().anyMatch(e -> e.toString().contains(key)));

    JsonNode sqsRecord =
        events.stream()
            .filter(e -> e.toString().contains(key))
            .findFirst()
            .orElseThrow()
            .path("Records")
            .path(0);
    assertThat(sqsRecord.path("eventSource").asText()).isEqualTo("aws:sqs");
    assertThat(sqsRecord.path("eventSourceARN").asText())
        .endsWith(":" + cloud.physicalName("TranscodeQueue"));
    JsonNode s3Record = Invocations.parse(sqsRecord.path("body").asText()).path("Records").path(0);
    assertThat(s3Record.path("eventName").asText())
        .isEqualTo("ObjectCreated:CompleteMultipartUpload");
    assertThat(s3Record.path("s3").path("object").path("key").asText()).isEqualTo(key);
    assertThat(s3Record.path("s3").path("object").path("size").asLong())
        .isEqualTo(FIVE_MIB + 1024L);
  }

  @Test
  void putObjectEventIsFilteredByPrefixAndSuffix(LocalCloud cloud) {
    String bucket = cloud.physicalName("FilteredBucket");
    String run = UUID.randomUUID().toString();
    cloud
        .s3()
        .putObject(r -> r.bucket(bucket).key("other/" + run + ".mp4"), RequestBody.fromString("x"));
    cloud
        .s3()
        .putObject(
            r -> r.bucket(bucket).key("incoming/" + run + ".txt"), RequestBody.fromString("x"));
    cloud
        .s3()
        .putObject(
            r -> r.bucket(bucket).key("incoming/" + run + ".mp4"), RequestBody.fromString("xyz"));

    // Notifications are delivered in write order: by the time the matching one arrives, the
    // others would have been in the queue before it.
    StringBuilder seen = new StringBuilder();
    Message match =
        Invocations.awaitMessage(
            cloud,
            "FilteredEventsQueue",
            m -> {
              seen.append(m.body()).append('\n');
              return m.body().contains("incoming/" + run + ".mp4");
            });

    JsonNode record = Invocations.parse(match.body()).path("Records").path(0);
    assertThat(record.path("eventName").asText()).isEqualTo("ObjectCreated:Put");
    assertThat(record.path("s3").path("object").path("size").asLong()).isEqualTo(3);
    assertThat(seen.toString()).doesNotContain("other/" + run).doesNotContain(run + ".txt");
  }

  @Test
  void deletingAnObjectRaisesObjectRemovedDelete(LocalCloud cloud) {
    String bucket = cloud.physicalName("RawBucket");
    String key = "gone/" + UUID.randomUUID() + ".mp4";
    cloud.s3().putObject(r -> r.bucket(bucket).key(key), RequestBody.fromString("x"));
    cloud.s3().deleteObject(r -> r.bucket(bucket).key(key));

    Message removed =
        Invocations.awaitMessage(
            cloud,
            "RawEventsQueue",
            m -> m.body().contains(key) && m.body().contains("ObjectRemoved"));

    JsonNode object = Invocations.parse(removed.body()).path("Records").path(0).path("s3");
    assertThat(Invocations.parse(removed.body()).path("Records").path(0).path("eventName").asText())
        .isEqualTo("ObjectRemoved:Delete");
    assertThat(object.path("object").has("size")).isFalse();
    assertThat(object.path("object").path("sequencer").asText()).isNotEmpty();
  }

  @Test
  void objectCreatedInvokesTheFunctionOfAnS3Event(LocalCloud cloud) throws Exception {
    String bucket = cloud.physicalName("PostersBucket");
    String key = "posters/" + UUID.randomUUID() + ".jpg";
    cloud.s3().putObject(r -> r.bucket(bucket).key(key + ".txt"), RequestBody.fromString("no"));
    cloud.s3().putObject(r -> r.bucket(bucket).key(key), RequestBody.fromString("jpeg"));

    List<JsonNode> events =
        Invocations.await(
            cloud, "PosterFunction", all -> all.stream().anyMatch(e -> e.toString().contains(key)));

    JsonNode record =
        events.stream()
            .filter(e -> e.toString().contains(key))
            .findFirst()
            .orElseThrow()
            .path("Records")
            .path(0);
    assertThat(record.path("eventName").asText()).isEqualTo("ObjectCreated:Put");
    assertThat(record.path("s3").path("bucket").path("name").asText()).isEqualTo(bucket);
    assertThat(record.path("s3").path("object").path("key").asText()).isEqualTo(key);
    assertThat(events).noneMatch(e -> e.toString().contains(key + ".txt"));
  }

  private static byte[] filled(int size, byte value) {
    byte[] bytes = new byte[size];
    Arrays.fill(bytes, value);
    return bytes;
  }
}
