package dev.kinora.dynamodb;

import static dev.kinora.dynamodb.LocalDynamo.attr;
import static dev.kinora.dynamodb.LocalDynamo.item;
import static dev.kinora.dynamodb.LocalDynamo.key;
import static dev.kinora.dynamodb.LocalDynamo.n;
import static dev.kinora.dynamodb.LocalDynamo.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

class QueryAndScanTest {
  private static LocalDynamo dynamo;

  /** videos: pk owner (S), sk n (N); GSI byStatus (status, created); LSI byTitle (owner, title). */
  private static String videos;

  @BeforeAll
  static void start() {
    dynamo = LocalDynamo.inMemory();
    videos = LocalDynamo.uniqueName("videos");
    dynamo.client.createTable(
        r ->
            r.tableName(videos)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                    attr("owner", ScalarAttributeType.S),
                    attr("n", ScalarAttributeType.N),
                    attr("state", ScalarAttributeType.S),
                    attr("created", ScalarAttributeType.N),
                    attr("title", ScalarAttributeType.S))
                .keySchema(key("owner", KeyType.HASH), key("n", KeyType.RANGE))
                .globalSecondaryIndexes(
                    GlobalSecondaryIndex.builder()
                        .indexName("byState")
                        .keySchema(key("state", KeyType.HASH), key("created", KeyType.RANGE))
                        .projection(
                            Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build())
                        .build())
                .localSecondaryIndexes(
                    LocalSecondaryIndex.builder()
                        .indexName("byTitle")
                        .keySchema(key("owner", KeyType.HASH), key("title", KeyType.RANGE))
                        .projection(
                            Projection.builder()
                                .projectionType(ProjectionType.INCLUDE)
                                .nonKeyAttributes("plays")
                                .build())
                        .build()));
    // alice has n = 1..10; even ones are READY. bob has 3 items, none with a state (sparse GSI).
    for (int i = 1; i <= 10; i++) {
      int n = i;
      dynamo.client.putItem(
          r ->
              r.tableName(videos)
                  .item(
                      item(
                          "owner",
                          "alice",
                          "n",
                          n(n),
                          "state",
                          n % 2 == 0 ? "READY" : "UPLOADING",
                          "created",
                          n(100 - n),
                          "title",
                          "t" + (char) ('a' + (10 - n)),
                          "plays",
                          n(n * 10),
                          "secret",
                          "s" + n)));
    }
    for (int i = 1; i <= 3; i++) {
      int n = i;
      dynamo.client.putItem(
          r -> r.tableName(videos).item(item("owner", "bob", "n", n(n), "title", "b" + n)));
    }
  }

  @AfterAll
  static void stop() {
    dynamo.close();
  }

  private static QueryResponse query(String keyCondition, Map<String, AttributeValue> values) {
    return dynamo.client.query(
        r ->
            r.tableName(videos)
                .keyConditionExpression(keyCondition)
                .expressionAttributeNames(Map.of("#o", "owner"))
                .expressionAttributeValues(values));
  }

  private static List<String> ns(List<Map<String, AttributeValue>> items) {
    return items.stream().map(i -> i.get("n").n()).toList();
  }

  @Test
  void queryReturnsAPartitionInSortKeyOrder() {
    QueryResponse response = query("#o = :o", Map.of(":o", s("alice")));

    assertThat(ns(response.items()))
        .containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10");
    assertThat(response.count()).isEqualTo(10);
  }

  @Test
  void sortKeyConditionsSelectRanges() {
    assertThat(ns(query("#o = :o AND n < :v", Map.of(":o", s("alice"), ":v", n(3))).items()))
        .containsExactly("1", "2");
    assertThat(ns(query("#o = :o AND n <= :v", Map.of(":o", s("alice"), ":v", n(3))).items()))
        .containsExactly("1", "2", "3");
    assertThat(ns(query("#o = :o AND n > :v", Map.of(":o", s("alice"), ":v", n(8))).items()))
        .containsExactly("9", "10");
    assertThat(ns(query("#o = :o AND n >= :v", Map.of(":o", s("alice"), ":v", n(9))).items()))
        .containsExactly("9", "10");
    assertThat(ns(query("n = :v AND #o = :o", Map.of(":o", s("alice"), ":v", n(4))).items()))
        .containsExactly("4");
    assertThat(
            ns(
                query(
                        "#o = :o AND n BETWEEN :a AND :b",
                        Map.of(":o", s("alice"), ":a", n(4), ":b", n(6)))
                    .items()))
        .containsExactly("4", "5", "6");
  }

  @Test
  void beginsWithSelectsByStringPrefixOnAnLsi() {
    QueryResponse response =
        dynamo.client.query(
            r ->
                r.tableName(videos)
                    .indexName("byTitle")
                    .keyConditionExpression("#o = :o AND begins_with(title, :p)")
                    .expressionAttributeNames(Map.of("#o", "owner"))
                    .expressionAttributeValues(Map.of(":o", s("bob"), ":p", s("b"))));

    assertThat(response.items())
        .extracting(i -> i.get("title").s())
        .containsExactly("b1", "b2", "b3");
    // INCLUDE projection: keys plus plays, never the other attributes.
    assertThat(response.items().get(0).keySet()).containsExactlyInAnyOrder("owner", "n", "title");
  }

  @Test
  void scanIndexForwardFalseReversesTheOrder() {
    QueryResponse response =
        dynamo.client.query(
            r ->
                r.tableName(videos)
                    .keyConditionExpression("#o = :o")
                    .expressionAttributeNames(Map.of("#o", "owner"))
                    .expressionAttributeValues(Map.of(":o", s("alice")))
                    .scanIndexForward(false)
                    .limit(3));

    assertThat(ns(response.items())).containsExactly("10", "9", "8");
  }

  @Test
  void queryOnGsiPagesWithLastEvaluatedKey() {
    List<Map<String, AttributeValue>> all = new ArrayList<>();
    Map<String, AttributeValue> start = null;
    int pages = 0;
    do {
      Map<String, AttributeValue> exclusiveStart = start;
      QueryResponse page =
          dynamo.client.query(
              QueryRequest.builder()
                  .tableName(videos)
                  .indexName("byState")
                  .keyConditionExpression("#s = :s")
                  .expressionAttributeNames(Map.of("#s", "state"))
                  .expressionAttributeValues(Map.of(":s", s("READY")))
                  .limit(2)
                  .exclusiveStartKey(exclusiveStart)
                  .build());
      all.addAll(page.items());
      start = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
      if (start != null) {
        assertThat(start.keySet()).containsExactlyInAnyOrder("owner", "n", "state", "created");
      }
      pages++;
    } while (start != null && pages < 10);

    // created = 100 - n, so ascending created means descending n.
    assertThat(ns(all)).containsExactly("10", "8", "6", "4", "2");
    assertThat(all.get(0).keySet()).containsExactlyInAnyOrder("owner", "n", "state", "created");
  }

  @Test
  void sdkPaginatorWalksEveryPageOfATableQuery() {
    List<String> seen =
        dynamo
            .client
            .queryPaginator(
                r ->
                    r.tableName(videos)
                        .keyConditionExpression("#o = :o")
                        .expressionAttributeNames(Map.of("#o", "owner"))
                        .expressionAttributeValues(Map.of(":o", s("alice")))
                        .limit(3))
            .items()
            .stream()
            .map(i -> i.get("n").n())
            .toList();

    assertThat(seen).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10");
  }

  @Test
  void filterIsAppliedAfterLimit() {
    QueryResponse response =
        dynamo.client.query(
            r ->
                r.tableName(videos)
                    .keyConditionExpression("#o = :o")
                    .filterExpression("plays > :v")
                    .expressionAttributeNames(Map.of("#o", "owner"))
                    .expressionAttributeValues(Map.of(":o", s("alice"), ":v", n(20)))
                    .limit(3));

    // Three items were read (plays 10, 20, 30); only one passed the filter.
    assertThat(ns(response.items())).containsExactly("3");
    assertThat(response.scannedCount()).isEqualTo(3);
    assertThat(response.count()).isEqualTo(1);
    assertThat(response.lastEvaluatedKey()).isEqualTo(item("owner", "alice", "n", n(3)));
  }

  @Test
  void selectCountReturnsOnlyCounts() {
    QueryResponse response =
        dynamo.client.query(
            r ->
                r.tableName(videos)
                    .keyConditionExpression("#o = :o")
                    .filterExpression("#st = :ready")
                    .expressionAttributeNames(Map.of("#o", "owner", "#st", "state"))
                    .expressionAttributeValues(Map.of(":o", s("alice"), ":ready", s("READY")))
                    .select(Select.COUNT));

    assertThat(response.hasItems()).isFalse();
    assertThat(response.count()).isEqualTo(5);
    assertThat(response.scannedCount()).isEqualTo(10);
  }

  @Test
  void projectionExpressionLimitsQueriedAttributes() {
    QueryResponse response =
        dynamo.client.query(
            r ->
                r.tableName(videos)
                    .keyConditionExpression("#o = :o AND n = :n")
                    .projectionExpression("title, plays")
                    .expressionAttributeNames(Map.of("#o", "owner"))
                    .expressionAttributeValues(Map.of(":o", s("alice"), ":n", n(1))));

    assertThat(response.items()).containsExactly(item("title", "tj", "plays", n(10)));
  }

  @Test
  void queryWithoutPartitionKeyConditionIsRejected() {
    assertThatThrownBy(
            () ->
                dynamo.client.query(
                    r ->
                        r.tableName(videos)
                            .keyConditionExpression("n = :n")
                            .expressionAttributeValues(Map.of(":n", n(1)))))
        .hasMessageContaining("Query condition missed key schema element: owner");
  }

  @Test
  void filterOnAKeyAttributeIsRejected() {
    assertThatThrownBy(
            () ->
                dynamo.client.query(
                    r ->
                        r.tableName(videos)
                            .keyConditionExpression("#o = :o")
                            .filterExpression("n > :n")
                            .expressionAttributeNames(Map.of("#o", "owner"))
                            .expressionAttributeValues(Map.of(":o", s("alice"), ":n", n(1)))))
        .hasMessageContaining("Filter Expression can only contain non-primary key attributes");
  }

  @Test
  void scanPagesThroughEveryItemExactlyOnce() {
    Set<String> seen = new HashSet<>();
    Map<String, AttributeValue> start = null;
    do {
      Map<String, AttributeValue> exclusiveStart = start;
      ScanResponse page =
          dynamo.client.scan(r -> r.tableName(videos).limit(4).exclusiveStartKey(exclusiveStart));
      page.items().forEach(i -> assertThat(seen.add(i.get("owner").s() + i.get("n").n())).isTrue());
      start = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
    } while (start != null);

    assertThat(seen).hasSize(13);
  }

  @Test
  void parallelScanSegmentsPartitionTheTable() {
    Set<String> seen = new HashSet<>();
    int total = 0;
    for (int segment = 0; segment < 3; segment++) {
      int current = segment;
      ScanResponse response =
          dynamo.client.scan(r -> r.tableName(videos).segment(current).totalSegments(3));
      for (Map<String, AttributeValue> i : response.items()) {
        seen.add(i.get("owner").s() + i.get("n").n());
        total++;
      }
    }

    assertThat(total).isEqualTo(13);
    assertThat(seen).hasSize(13);
  }

  @Test
  void scanFilterKeepsMatchingItems() {
    ScanResponse response =
        dynamo.client.scan(
            r ->
                r.tableName(videos)
                    .filterExpression("attribute_not_exists(#st) AND contains(title, :b)")
                    .expressionAttributeNames(Map.of("#st", "state"))
                    .expressionAttributeValues(Map.of(":b", s("b"))));

    assertThat(response.items()).extracting(i -> i.get("owner").s()).containsOnly("bob");
    assertThat(response.count()).isEqualTo(3);
    assertThat(response.scannedCount()).isEqualTo(13);
  }

  @Test
  void scanOnASparseGsiSeesOnlyIndexedItems() {
    ScanResponse response = dynamo.client.scan(r -> r.tableName(videos).indexName("byState"));

    assertThat(response.count()).isEqualTo(10);
  }

  @Test
  void lsiQueryAskingForAllAttributesFetchesThemFromTheTable() {
    QueryResponse response =
        dynamo.client.query(
            r ->
                r.tableName(videos)
                    .indexName("byTitle")
                    .keyConditionExpression("#o = :o AND title = :t")
                    .expressionAttributeNames(Map.of("#o", "owner"))
                    .expressionAttributeValues(Map.of(":o", s("alice"), ":t", s("tj")))
                    .select(Select.ALL_ATTRIBUTES));

    assertThat(response.items()).hasSize(1);
    assertThat(response.items().get(0)).containsEntry("secret", s("s1"));
  }

  @Test
  void consistentReadOnAGsiIsRejected() {
    assertThatThrownBy(
            () ->
                dynamo.client.query(
                    r ->
                        r.tableName(videos)
                            .indexName("byState")
                            .consistentRead(true)
                            .keyConditionExpression("#s = :s")
                            .expressionAttributeNames(Map.of("#s", "state"))
                            .expressionAttributeValues(Map.of(":s", s("READY")))))
        .hasMessageContaining("Consistent reads are not supported on global secondary indexes");
  }
}
