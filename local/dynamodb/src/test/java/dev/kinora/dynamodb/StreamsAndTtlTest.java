package dev.kinora.dynamodb;

import static dev.kinora.dynamodb.LocalDynamo.attr;
import static dev.kinora.dynamodb.LocalDynamo.item;
import static dev.kinora.dynamodb.LocalDynamo.key;
import static dev.kinora.dynamodb.LocalDynamo.n;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

class StreamsAndTtlTest {
  private LocalDynamo dynamo;
  private final BlockingQueue<StreamRecord> records = new LinkedBlockingQueue<>();

  @BeforeEach
  void start() {
    dynamo = LocalDynamo.inMemory();
    dynamo.server.addStreamListener(records::add);
  }

  @AfterEach
  void stop() {
    dynamo.close();
  }

  private String tableWithStream(StreamViewType view) {
    String name = LocalDynamo.uniqueName("streamed");
    dynamo.client.createTable(
        r ->
            r.tableName(name)
                .attributeDefinitions(attr("id", ScalarAttributeType.S))
                .keySchema(key("id", KeyType.HASH))
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(view)));
    return name;
  }

  private List<StreamRecord> take(int count) throws InterruptedException {
    List<StreamRecord> taken = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      StreamRecord record = records.poll(5, TimeUnit.SECONDS);
      assertThat(record).as("stream record %d of %d", i + 1, count).isNotNull();
      taken.add(record);
    }
    return taken;
  }

  @Test
  void writesEmitInsertModifyRemoveInOrderWithBothImages() throws InterruptedException {
    String table = tableWithStream(StreamViewType.NEW_AND_OLD_IMAGES);

    dynamo.client.putItem(r -> r.tableName(table).item(item("id", "v1", "title", "a")));
    dynamo.client.putItem(r -> r.tableName(table).item(item("id", "v1", "title", "b")));
    dynamo.client.deleteItem(r -> r.tableName(table).key(item("id", "v1")));

    List<StreamRecord> got = take(3);
    assertThat(got)
        .extracting(StreamRecord::eventName)
        .containsExactly("INSERT", "MODIFY", "REMOVE");
    assertThat(got.get(1).keysJson()).isEqualTo("{\"id\":{\"S\":\"v1\"}}");
    assertThat(got.get(1).oldImageJson())
        .isEqualTo("{\"id\":{\"S\":\"v1\"},\"title\":{\"S\":\"a\"}}");
    assertThat(got.get(1).newImageJson())
        .isEqualTo("{\"id\":{\"S\":\"v1\"},\"title\":{\"S\":\"b\"}}");
    assertThat(got.get(0).sequenceNumber()).isLessThan(got.get(1).sequenceNumber());
    assertThat(got.get(2).removedByTtl()).isFalse();
    assertThat(got.get(2).tableName()).isEqualTo(table);
  }

  @Test
  void keysOnlyStreamCarriesNoImagesAndUnchangedWritesEmitNothing() throws InterruptedException {
    String table = tableWithStream(StreamViewType.KEYS_ONLY);

    dynamo.client.putItem(r -> r.tableName(table).item(item("id", "k", "v", "1")));
    dynamo.client.putItem(r -> r.tableName(table).item(item("id", "k", "v", "1")));
    dynamo.client.deleteItem(r -> r.tableName(table).key(item("id", "never-existed")));
    dynamo.client.putItem(r -> r.tableName(table).item(item("id", "k", "v", "2")));

    List<StreamRecord> got = take(2);
    assertThat(got).extracting(StreamRecord::eventName).containsExactly("INSERT", "MODIFY");
    assertThat(got.get(0).oldImageJson()).isNull();
    assertThat(got.get(0).newImageJson()).isNull();
    assertThat(got.get(0).streamViewType()).isEqualTo("KEYS_ONLY");
    assertThat(records.poll(200, TimeUnit.MILLISECONDS)).isNull();
  }

  @Test
  void tablesWithoutStreamsEmitNothing() throws InterruptedException {
    String table = dynamo.table("id", null, null);

    dynamo.client.putItem(r -> r.tableName(table).item(item("id", "quiet")));

    assertThat(records.poll(200, TimeUnit.MILLISECONDS)).isNull();
  }

  @Test
  void ttlSweepRemovesExpiredItemsAndEmitsServiceRemoveRecord() throws InterruptedException {
    String table = tableWithStream(StreamViewType.OLD_IMAGE);
    dynamo.client.updateTimeToLive(
        r ->
            r.tableName(table)
                .timeToLiveSpecification(t -> t.attributeName("expiresAt").enabled(true)));
    Instant now = Instant.parse("2030-01-01T00:00:00Z");
    dynamo.client.putItem(
        r ->
            r.tableName(table)
                .item(item("id", "expired", "expiresAt", n(now.getEpochSecond() - 1))));
    dynamo.client.putItem(
        r ->
            r.tableName(table)
                .item(item("id", "exactly-now", "expiresAt", n(now.getEpochSecond()))));
    dynamo.client.putItem(
        r ->
            r.tableName(table)
                .item(item("id", "fresh", "expiresAt", n(now.getEpochSecond() + 60))));
    dynamo.client.putItem(r -> r.tableName(table).item(item("id", "text-ttl", "expiresAt", "0")));
    take(4);

    int removed = dynamo.server.sweepExpiredItems(now);

    assertThat(removed).isEqualTo(2);
    List<StreamRecord> got = take(2);
    assertThat(got)
        .allSatisfy(
            record -> {
              assertThat(record.eventName()).isEqualTo("REMOVE");
              assertThat(record.removedByTtl()).isTrue();
              assertThat(record.oldImageJson()).contains("expiresAt");
            });
    List<String> left =
        dynamo.client.scan(r -> r.tableName(table)).items().stream()
            .map(i -> i.get("id").s())
            .toList();
    assertThat(left).containsExactlyInAnyOrder("fresh", "text-ttl");
  }

  @Test
  void ttlSweepIgnoresTablesWithoutTtl() {
    String table = dynamo.table("id", null, null);
    dynamo.client.putItem(
        r -> r.tableName(table).item(Map.of("id", LocalDynamo.s("x"), "expiresAt", n(1))));

    assertThat(dynamo.server.sweepExpiredItems(Instant.now())).isZero();
  }
}
