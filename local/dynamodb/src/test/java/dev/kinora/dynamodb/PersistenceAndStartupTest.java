package dev.kinora.dynamodb;

import static dev.kinora.dynamodb.LocalDynamo.attr;
import static dev.kinora.dynamodb.LocalDynamo.item;
import static dev.kinora.dynamodb.LocalDynamo.key;
import static dev.kinora.dynamodb.LocalDynamo.n;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

class PersistenceAndStartupTest {

  @Test
  void stateSurvivesRestartWithDataDir(@TempDir Path dir) {
    try (LocalDynamo first = LocalDynamo.persistentIn(dir)) {
      first.client.createTable(
          r ->
              r.tableName("videos")
                  .billingMode(BillingMode.PAY_PER_REQUEST)
                  .attributeDefinitions(
                      attr("id", ScalarAttributeType.S), attr("owner", ScalarAttributeType.S))
                  .keySchema(key("id", KeyType.HASH))
                  .globalSecondaryIndexes(
                      GlobalSecondaryIndex.builder()
                          .indexName("byOwner")
                          .keySchema(key("owner", KeyType.HASH))
                          .projection(
                              Projection.builder().projectionType(ProjectionType.ALL).build())
                          .build()));
      first.client.updateTimeToLive(
          r ->
              r.tableName("videos")
                  .timeToLiveSpecification(t -> t.attributeName("ttl").enabled(true)));
      first.client.putItem(
          r -> r.tableName("videos").item(item("id", "v1", "owner", "ada", "size", n("1.25"))));
      first.client.createTable(
          r ->
              r.tableName("scratch")
                  .billingMode(BillingMode.PAY_PER_REQUEST)
                  .attributeDefinitions(attr("id", ScalarAttributeType.S))
                  .keySchema(key("id", KeyType.HASH)));
      first.client.deleteTable(r -> r.tableName("scratch"));
    }

    try (LocalDynamo second = LocalDynamo.persistentIn(dir)) {
      assertThat(second.client.listTables().tableNames()).containsExactly("videos");
      assertThat(second.client.getItem(r -> r.tableName("videos").key(item("id", "v1"))).item())
          .isEqualTo(item("id", "v1", "owner", "ada", "size", n("1.25")));
      assertThat(
              second
                  .client
                  .query(
                      r ->
                          r.tableName("videos")
                              .indexName("byOwner")
                              .keyConditionExpression("#o = :o")
                              .expressionAttributeNames(Map.of("#o", "owner"))
                              .expressionAttributeValues(Map.of(":o", LocalDynamo.s("ada"))))
                  .count())
          .isEqualTo(1);
      assertThat(
              second
                  .client
                  .describeTimeToLive(r -> r.tableName("videos"))
                  .timeToLiveDescription()
                  .attributeName())
          .isEqualTo("ttl");
    }
  }

  @Test
  void changesAreSnapshottedWithinAboutASecondWithoutClose(@TempDir Path dir) throws Exception {
    try (LocalDynamo dynamo = LocalDynamo.persistentIn(dir)) {
      String table = dynamo.table("id", null, null);
      dynamo.client.putItem(r -> r.tableName(table).item(item("id", "early")));

      Path snapshot = dir.resolve(table + ".table.json");
      long deadline = System.currentTimeMillis() + 5000;
      while (!(Files.exists(snapshot) && Files.readString(snapshot).contains("early"))
          && System.currentTimeMillis() < deadline) {
        Thread.sleep(100);
      }

      assertThat(snapshot).exists();
      assertThat(Files.readString(snapshot)).contains("\"early\"");
    }
  }

  @Test
  void restartsCleanlyOnANewPortAndReportsItsStartTime() {
    // Start-up time is printed, never asserted: tests do not assert on wall-clock time.
    DynamoDbLite.start(new DynamoDbLite.Options(0, null)).close();
    long best = Long.MAX_VALUE;
    for (int attempt = 0; attempt < 3; attempt++) {
      long before = System.nanoTime();
      try (DynamoDbLite server = DynamoDbLite.start(new DynamoDbLite.Options(0, null))) {
        best = Math.min(best, (System.nanoTime() - before) / 1_000_000);
        assertThat(server.endpoint().getPort()).isPositive();
      }
    }
    System.out.printf("dynamodb-lite warm start: best of 3 = %d ms%n", best);
  }

  @Test
  void responsesCarryACorrectCrc32AndJsonContentType() throws Exception {
    try (DynamoDbLite server = DynamoDbLite.start(new DynamoDbLite.Options(0, null))) {
      HttpResponse<byte[]> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(server.endpoint() + "/"))
                      .header("X-Amz-Target", "DynamoDB_20120810.DescribeTable")
                      .header("Content-Type", "application/x-amz-json-1.0")
                      .POST(HttpRequest.BodyPublishers.ofString("{\"TableName\":\"absent\"}"))
                      .build(),
                  HttpResponse.BodyHandlers.ofByteArray());
      CRC32 crc = new CRC32();
      crc.update(response.body());

      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(response.headers().firstValue("x-amz-crc32"))
          .hasValue(Long.toString(crc.getValue()));
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValue("application/x-amz-json-1.0");
      assertThat(new String(response.body()))
          .contains("com.amazonaws.dynamodb.v20120810#ResourceNotFoundException");
    }
  }
}
