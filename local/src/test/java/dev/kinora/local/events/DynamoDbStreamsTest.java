package dev.kinora.local.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.JsonNode;
import dev.kinora.local.LocalCloud;
import dev.kinora.local.testing.KinoraCloud;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@KinoraCloud(template = "classpath:events-sources/template.yaml")
class DynamoDbStreamsTest {

  @Test
  void streamRecordsInvokeTheFunctionAfterAWrite(LocalCloud cloud) throws Exception {
    String table = cloud.physicalName("WatchedTable");
    String pk = "video-" + UUID.randomUUID();
    Instant before = Instant.now().minusSeconds(1);
    cloud.dynamoDb().putItem(r -> r.tableName(table).item(item(pk, "processing", null)));
    cloud.dynamoDb().putItem(r -> r.tableName(table).item(item(pk, "ready", null)));

    List<JsonNode> records = awaitRecords(cloud, pk, found -> found.size() >= 2);

    JsonNode insert = records.get(0);
    assertThat(insert.path("eventName").asText()).isEqualTo("INSERT");
    assertThat(insert.path("eventID").asText()).isNotEmpty();
    assertThat(insert.path("eventVersion").asText()).isEqualTo("1.1");
    assertThat(insert.path("eventSource").asText()).isEqualTo("aws:dynamodb");
    assertThat(insert.path("awsRegion").asText()).isEqualTo("us-east-1");
    assertThat(insert.path("eventSourceARN").asText())
        .startsWith("arn:aws:dynamodb:us-east-1:000000000000:table/" + table + "/stream/");
    assertThat(insert.has("userIdentity")).isFalse();
    JsonNode change = insert.path("dynamodb");
    assertThat(change.path("Keys").path("pk").path("S").asText()).isEqualTo(pk);
    assertThat(change.path("NewImage").path("status").path("S").asText()).isEqualTo("processing");
    assertThat(change.has("OldImage")).isFalse();
    assertThat(change.path("StreamViewType").asText()).isEqualTo("NEW_AND_OLD_IMAGES");
    assertThat(change.path("SizeBytes").asLong()).isPositive();
    assertThat(change.path("ApproximateCreationDateTime").asLong())
        .isGreaterThanOrEqualTo(before.getEpochSecond());

    JsonNode modify = records.get(1);
    assertThat(modify.path("eventName").asText()).isEqualTo("MODIFY");
    assertThat(modify.path("dynamodb").path("OldImage").path("status").path("S").asText())
        .isEqualTo("processing");
    assertThat(modify.path("dynamodb").path("NewImage").path("status").path("S").asText())
        .isEqualTo("ready");
    assertThat(modify.path("dynamodb").path("SequenceNumber").asText())
        .isGreaterThan(change.path("SequenceNumber").asText());

    String event = "{\"Records\":[" + insert + "]}";
    DynamodbEvent typed =
        LambdaEventSerializers.serializerFor(DynamodbEvent.class, getClass().getClassLoader())
            .fromJson(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)));
    var record = typed.getRecords().get(0);
    assertThat(record.getEventName()).isEqualTo("INSERT");
    assertThat(record.getDynamodb().getNewImage().get("status").getS()).isEqualTo("processing");
    assertThat(record.getDynamodb().getApproximateCreationDateTime().toInstant())
        .isAfterOrEqualTo(before.truncatedTo(java.time.temporal.ChronoUnit.SECONDS))
        .isBefore(Instant.now().plus(Duration.ofMinutes(1)));
  }

  @Test
  void ttlRemovalReachesTheStreamFunctionAsServiceRemove(LocalCloud cloud) throws Exception {
    String table = cloud.physicalName("WatchedTable");
    String pk = "session-" + UUID.randomUUID();
    long expired = Instant.now().minusSeconds(60).getEpochSecond();
    cloud.dynamoDb().putItem(r -> r.tableName(table).item(item(pk, "active", expired)));

    cloud.dynamoDbServer().sweepExpiredItems(Instant.now());

    JsonNode removal =
        awaitRecords(
                cloud,
                pk,
                found ->
                    found.stream().anyMatch(r -> "REMOVE".equals(r.path("eventName").asText())))
            .stream()
            .filter(r -> "REMOVE".equals(r.path("eventName").asText()))
            .findFirst()
            .orElseThrow();
    assertThat(removal.path("userIdentity").path("type").asText()).isEqualTo("Service");
    assertThat(removal.path("userIdentity").path("principalId").asText())
        .isEqualTo("dynamodb.amazonaws.com");
    assertThat(removal.path("dynamodb").path("OldImage").path("status").path("S").asText())
        .isEqualTo("active");
    assertThat(removal.path("dynamodb").has("NewImage")).isFalse();
  }

  private static Map<String, AttributeValue> item(String pk, String status, Long expiresAt) {
    return expiresAt == null
        ? Map.of("pk", AttributeValue.fromS(pk), "status", AttributeValue.fromS(status))
        : Map.of(
            "pk", AttributeValue.fromS(pk),
            "status", AttributeValue.fromS(status),
            "expiresAt", AttributeValue.fromN(String.valueOf(expiresAt)));
  }

  /** Stream records for this key across the function's invocations, in delivery order. */
  private static List<JsonNode> awaitRecords(
      LocalCloud cloud, String pk, java.util.function.Predicate<List<JsonNode>> condition)
      throws InterruptedException {
    List<JsonNode> found = new java.util.ArrayList<>();
    Invocations.await(
        cloud,
        "WatcherFunction",
        events -> {
          found.clear();
          for (JsonNode event : events) {
            for (JsonNode record : event.path("Records")) {
              if (pk.equals(record.path("dynamodb").path("Keys").path("pk").path("S").asText())) {
                found.add(record);
              }
            }
          }
          return condition.test(found);
        });
    return found;
  }
}
