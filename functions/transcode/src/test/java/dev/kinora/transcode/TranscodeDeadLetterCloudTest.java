package dev.kinora.transcode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kinora.local.LocalCloud;
import dev.kinora.local.testing.KinoraCloud;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A message that crashes the transcode function on every attempt: SQS delivers it maxReceiveCount
 * times, moves it to the dead-letter queue, and the dead-letter consumer fails the video with a
 * reason the uploader understands.
 */
@KinoraCloud(template = "classpath:transcode-crash/template.yaml")
class TranscodeDeadLetterCloudTest {
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  @Test
  void aMessageThatCrashesEveryAttemptEndsInTheDeadLetterQueueAndFailsTheVideo(LocalCloud cloud)
      throws Exception {
    String videoId = "Crash" + Long.toString(System.nanoTime() % 1_000_000, 36);
    videoId = (videoId + "xxxxxxxxxxx").substring(0, 11);
    var attempts = CrashingTranscodeHandler.attemptsFile(videoId);
    Files.deleteIfExists(attempts);
    String table = cloud.physicalName("VideosTable");
    String id = videoId;
    cloud
        .dynamoDb()
        .putItem(
            r ->
                r.tableName(table)
                    .item(
                        Map.of(
                            "id", AttributeValue.fromS(id),
                            "status", AttributeValue.fromS("processing"),
                            "createdAt", AttributeValue.fromS(Instant.now().toString()))));

    String body =
        SqsMessages.objectCreated("unused", "raw-bucket", "raw/" + videoId + "/source")
            .getRecords()
            .getFirst()
            .getBody();
    cloud.sqs().sendMessage(r -> r.queueUrl(cloud.queueUrl("TranscodeQueue")).messageBody(body));

    Map<String, AttributeValue> row = rowOnceNotProcessing(cloud, table, id);

    try {
      assertThat(row.get("status").s()).isEqualTo("failed");
      assertThat(row.get("failureReason").s())
          .isEqualTo("We could not process this video after 3 attempts");
      assertThat(Files.readAllLines(attempts)).as("attempts before dead-lettering").hasSize(3);
    } finally {
      Files.deleteIfExists(attempts);
    }
  }

  @Test
  void aChunkThatCrashesEveryAttemptFailsTheWholeVideo(LocalCloud cloud) throws Exception {
    String videoId =
        ("Chunk" + Long.toString(System.nanoTime() % 1_000_000, 36) + "xxxxxxxxxxx")
            .substring(0, 11);
    var attempts = CrashingTranscodeHandler.attemptsFile(videoId);
    Files.deleteIfExists(attempts);
    String table = cloud.physicalName("VideosTable");
    cloud
        .dynamoDb()
        .putItem(
            r ->
                r.tableName(table)
                    .item(
                        Map.of(
                            "id", AttributeValue.fromS(videoId),
                            "status", AttributeValue.fromS("processing"),
                            "chunksTotal", AttributeValue.fromN("3"),
                            "createdAt", AttributeValue.fromS(Instant.now().toString()))));

    cloud
        .sqs()
        .sendMessage(
            r ->
                r.queueUrl(cloud.queueUrl("TranscodeChunkQueue"))
                    .messageBody(new ChunkMessage(videoId, 1, "raw-bucket").toJson()));

    Map<String, AttributeValue> row = rowOnceNotProcessing(cloud, table, videoId);

    try {
      assertThat(row.get("status").s()).isEqualTo("failed");
      assertThat(row.get("failureReason").s())
          .isEqualTo("We could not process this video after 3 attempts");
      assertThat(Files.readAllLines(attempts))
          .as("attempts before dead-lettering")
          .containsExactly("crash chunk 1", "crash chunk 1", "crash chunk 1");
    } finally {
      Files.deleteIfExists(attempts);
    }
  }

  /**
   * The video's row once it left {@code processing}, or as it is when {@link #PATIENCE} ran out.
   */
  private static Map<String, AttributeValue> rowOnceNotProcessing(
      LocalCloud cloud, String table, String videoId) throws InterruptedException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (true) {
      Map<String, AttributeValue> row =
          cloud
              .dynamoDb()
              .getItem(
                  r ->
                      r.tableName(table)
                          .key(Map.of("id", AttributeValue.fromS(videoId)))
                          .consistentRead(true))
              .item();
      if (!"processing".equals(row.get("status").s()) || System.nanoTime() >= deadline) {
        return row;
      }
      Thread.sleep(250);
    }
  }
}
