package dev.kinora.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kinora.local.testing.KinoraCloud;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

@KinoraCloud(template = "classpath:local-cloud/template.yaml")
class ResourcesTest {
  private final LocalCloud cloud;

  ResourcesTest(LocalCloud cloud) {
    this.cloud = cloud;
  }

  @Test
  void tablesQueuesAndBucketsComeFromTheTemplate() {
    assertThat(cloud.dynamoDb().listTables().tableNames())
        .containsExactly("kinora-local-notestable");
    TableDescription table =
        cloud.dynamoDb().describeTable(r -> r.tableName("kinora-local-notestable")).table();
    assertThat(table.keySchema())
        .singleElement()
        .satisfies(k -> assertThat(k.attributeName()).isEqualTo("pk"));
    assertThat(table.globalSecondaryIndexes())
        .singleElement()
        .satisfies(gsi -> assertThat(gsi.indexName()).isEqualTo("byOwner"));
    assertThat(table.streamSpecification().streamViewTypeAsString())
        .isEqualTo("NEW_AND_OLD_IMAGES");
    var ttl = cloud.dynamoDb().describeTimeToLive(r -> r.tableName("kinora-local-notestable"));
    assertThat(ttl.timeToLiveDescription().timeToLiveStatus())
        .isIn(TimeToLiveStatus.ENABLED, TimeToLiveStatus.ENABLING);
    assertThat(ttl.timeToLiveDescription().attributeName()).isEqualTo("expiresAt");

    assertThat(cloud.sqs().listQueues().queueUrls())
        .containsExactlyInAnyOrder(
            cloud.queueUrl("WorkQueue"), cloud.queueUrl("WorkDeadLetterQueue"));
    Map<QueueAttributeName, String> work =
        cloud
            .sqs()
            .getQueueAttributes(
                r -> r.queueUrl(cloud.queueUrl("WorkQueue")).attributeNames(QueueAttributeName.ALL))
            .attributes();
    assertThat(work.get(QueueAttributeName.VISIBILITY_TIMEOUT)).isEqualTo("45");
    assertThat(work.get(QueueAttributeName.QUEUE_ARN))
        .isEqualTo("arn:aws:sqs:us-east-1:000000000000:kinora-local-workqueue");
    assertThat(work.get(QueueAttributeName.REDRIVE_POLICY))
        .contains("arn:aws:sqs:us-east-1:000000000000:kinora-local-work-dlq")
        .contains("3");

    assertThat(cloud.s3().listBuckets().buckets())
        .extracting(Bucket::name)
        .containsExactlyInAnyOrder("kinora-local-uploadsbucket", "kinora-local-media");
    var uploads = cloud.buckets().get("UploadsBucket");
    assertThat(uploads.corsRules())
        .singleElement()
        .satisfies(
            rule -> assertThat(rule.get("ExposedHeaders")).isEqualTo(java.util.List.of("ETag")));
    assertThat(uploads.lifecycleRules())
        .singleElement()
        .satisfies(rule -> assertThat(rule.get("Id")).isEqualTo("abort-incomplete-uploads"));
    assertThat(uploads.notifications().toString())
        .contains("arn:aws:sqs:us-east-1:000000000000:kinora-local-workqueue");
    assertThat(cloud.functions().keySet())
        .containsExactlyInAnyOrder(
            "NotesFunction",
            "EnvAFunction",
            "EnvBFunction",
            "CrashFunction",
            "SlowFunction",
            "SlowInitFunction",
            "MapFunction",
            "StreamFunction");
  }

  @Test
  void expiredItemsAreSweptByTtl() throws Exception {
    String table = cloud.physicalName("NotesTable");
    long past = Instant.now().minusSeconds(60).getEpochSecond();
    long future = Instant.now().plusSeconds(3600).getEpochSecond();
    put(table, "expired", past);
    put(table, "alive", future);

    Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
    while (exists(table, "expired") && Instant.now().isBefore(deadline)) {
      Thread.sleep(250);
    }

    assertThat(exists(table, "expired")).as("swept by the periodic TTL sweeper").isFalse();
    assertThat(exists(table, "alive")).isTrue();
  }

  private void put(String table, String pk, long expiresAt) {
    cloud
        .dynamoDb()
        .putItem(
            r ->
                r.tableName(table)
                    .item(
                        Map.of(
                            "pk", AttributeValue.fromS(pk),
                            "expiresAt", AttributeValue.fromN(String.valueOf(expiresAt)))));
  }

  private boolean exists(String table, String pk) {
    return cloud
        .dynamoDb()
        .getItem(
            r ->
                r.tableName(table).consistentRead(true).key(Map.of("pk", AttributeValue.fromS(pk))))
        .hasItem();
  }
}
