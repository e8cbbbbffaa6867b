package dev.kinora.dynamodb;

import static dev.kinora.dynamodb.LocalDynamo.item;
import static dev.kinora.dynamodb.LocalDynamo.n;
import static dev.kinora.dynamodb.LocalDynamo.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

class ItemWritesTest {
  private static LocalDynamo dynamo;

  @BeforeAll
  static void start() {
    dynamo = LocalDynamo.inMemory();
  }

  @AfterAll
  static void stop() {
    dynamo.close();
  }

  @Test
  void putThenGetReturnsEveryAttributeType() {
    String table = dynamo.table("id", null, null);
    Map<String, AttributeValue> stored =
        item(
            "id", "all-types",
            "s", s("text"),
            "n", n("12.5"),
            "b", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {1, 2, (byte) 255})),
            "bool", AttributeValue.fromBool(true),
            "null", AttributeValue.fromNul(true),
            "m", AttributeValue.fromM(Map.of("inner", s("x"))),
            "l", LocalDynamo.list(s("a"), n(1)),
            "ss", LocalDynamo.ss("x", "y"),
            "ns", AttributeValue.fromNs(List.of("1", "2.5")),
            "bs", AttributeValue.fromBs(List.of(SdkBytes.fromByteArray(new byte[] {9}))));
    dynamo.client.putItem(r -> r.tableName(table).item(stored));

    Map<String, AttributeValue> read =
        dynamo.client.getItem(r -> r.tableName(table).key(item("id", "all-types"))).item();

    assertThat(read).isEqualTo(stored);
  }

  @Test
  void numbersComeBackInCanonicalForm() {
    String table = dynamo.table("id", null, null);
    dynamo.client.putItem(
        r ->
            r.tableName(table)
                .item(
                    item(
                        "id", "n",
                        "a", n("1.50"),
                        "b", n("0100"),
                        "c", n("1e3"),
                        "d", n("-0.0"),
                        "e", n("12345678901234567890123456789012345678"))));

    Map<String, AttributeValue> read =
        dynamo.client.getItem(r -> r.tableName(table).key(item("id", "n"))).item();

    assertThat(read.get("a").n()).isEqualTo("1.5");
    assertThat(read.get("b").n()).isEqualTo("100");
    assertThat(read.get("c").n()).isEqualTo("1000");
    assertThat(read.get("d").n()).isEqualTo("0");
    assertThat(read.get("e").n()).isEqualTo("12345678901234567890123456789012345678");
  }

  @Test
  void numberWithMoreThan38DigitsIsRejected() {
    String table = dynamo.table("id", null, null);

    assertThatThrownBy(
            () ->
                dynamo.client.putItem(
                    r ->
                        r.tableName(table)
                            .item(
                                item(
                                    "id", "x", "n", n("123456789012345678901234567890123456789")))))
        .isInstanceOf(DynamoDbException.class)
        .hasMessageContaining("38 significant digits");
  }

  @Test
  void conditionalPutLosesWhenItemExists() {
    String table = dynamo.table("id", null, null);
    dynamo.client.putItem(r -> r.tableName(table).item(item("id", "a", "owner", "first")));

    assertThatThrownBy(
            () ->
                dynamo.client.putItem(
                    r ->
                        r.tableName(table)
                            .item(item("id", "a", "owner", "second"))
                            .conditionExpression("attribute_not_exists(id)")))
        .isInstanceOf(ConditionalCheckFailedException.class)
        .hasMessageContaining("The conditional request failed");
    assertThat(
            dynamo.client.getItem(r -> r.tableName(table).key(item("id", "a"))).item().get("owner"))
        .isEqualTo(s("first"));
  }

  @Test
  void failedConditionReturnsOldItemWhenAsked() {
    String table = dynamo.table("id", null, null);
    dynamo.client.putItem(r -> r.tableName(table).item(item("id", "a", "version", n(3))));

    assertThatThrownBy(
            () ->
                dynamo.client.deleteItem(
                    r ->
                        r.tableName(table)
                            .key(item("id", "a"))
                            .conditionExpression("version = :v")
                            .expressionAttributeValues(Map.of(":v", n(2)))
                            .returnValuesOnConditionCheckFailure(
                                ReturnValuesOnConditionCheckFailure.ALL_OLD)))
        .isInstanceOfSatisfying(
            ConditionalCheckFailedException.class,
            e -> assertThat(e.item()).isEqualTo(item("id", "a", "version", n(3))));
  }

  @Test
  void putReturnsOldItemWithAllOld() {
    String table = dynamo.table("id", null, null);
    dynamo.client.putItem(r -> r.tableName(table).item(item("id", "a", "v", "1")));

    var response =
        dynamo.client.putItem(
            r ->
                r.tableName(table)
                    .item(item("id", "a", "v", "2"))
                    .returnValues(ReturnValue.ALL_OLD));

    assertThat(response.attributes()).isEqualTo(item("id", "a", "v", "1"));
  }

  @Test
  void putRejectsUpdatedReturnValues() {
    String table = dynamo.table("id", null, null);

    assertThatThrownBy(
            () ->
                dynamo.client.putItem(
                    r ->
                        r.tableName(table)
                            .item(item("id", "a"))
                            .returnValues(ReturnValue.UPDATED_NEW)))
        .hasMessageContaining("ReturnValues can only be ALL_OLD or NONE");
  }

  @Test
  void deleteRemovesTheItemAndIsIdempotent() {
    String table = dynamo.table("id", null, null);
    dynamo.client.putItem(r -> r.tableName(table).item(item("id", "a")));

    var first =
        dynamo.client.deleteItem(
            r -> r.tableName(table).key(item("id", "a")).returnValues(ReturnValue.ALL_OLD));
    var second = dynamo.client.deleteItem(r -> r.tableName(table).key(item("id", "a")));

    assertThat(first.attributes()).isEqualTo(item("id", "a"));
    assertThat(second.hasAttributes()).isFalse();
    assertThat(dynamo.client.getItem(r -> r.tableName(table).key(item("id", "a"))).hasItem())
        .isFalse();
  }

  @Test
  void keyOfWrongTypeIsRejected() {
    String table = dynamo.table("id", "sort", ScalarAttributeType.N);

    assertThatThrownBy(
            () -> dynamo.client.putItem(r -> r.tableName(table).item(item("id", "a", "sort", "x"))))
        .hasMessageContaining("Type mismatch for key sort expected: N actual: S");
    assertThatThrownBy(() -> dynamo.client.getItem(r -> r.tableName(table).key(item("id", "a"))))
        .hasMessageContaining("The provided key element does not match the schema");
  }

  @Test
  void emptySetsAndDuplicateSetMembersAreRejected() {
    String table = dynamo.table("id", null, null);

    assertThatThrownBy(
            () ->
                dynamo.client.putItem(
                    r -> r.tableName(table).item(item("id", "a", "tags", LocalDynamo.ss()))))
        .hasMessageContaining("may not be empty");
    assertThatThrownBy(
            () ->
                dynamo.client.putItem(
                    r ->
                        r.tableName(table).item(item("id", "a", "tags", LocalDynamo.ss("x", "x")))))
        .hasMessageContaining("contains duplicates");
  }

  @Test
  void itemsOver400KilobytesAreRejected() {
    String table = dynamo.table("id", null, null);
    String big = "x".repeat(410 * 1024);

    assertThatThrownBy(
            () -> dynamo.client.putItem(r -> r.tableName(table).item(item("id", "a", "blob", big))))
        .hasMessageContaining("Item size has exceeded the maximum allowed size");
  }

  @Test
  void writingToAMissingTableIsResourceNotFound() {
    assertThatThrownBy(
            () -> dynamo.client.putItem(r -> r.tableName("no-such-table").item(item("id", "a"))))
        .isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void getItemProjectsNestedPathsAndListElements() {
    String table = dynamo.table("id", null, null);
    dynamo.client.putItem(
        r ->
            r.tableName(table)
                .item(
                    item(
                        "id",
                        "p",
                        "profile",
                        AttributeValue.fromM(
                            Map.of("name", s("Ada"), "email", s("ada@example.com"))),
                        "scores",
                        LocalDynamo.list(n(1), n(2), n(3)),
                        "other",
                        "drop me")));

    Map<String, AttributeValue> read =
        dynamo
            .client
            .getItem(
                r ->
                    r.tableName(table)
                        .key(item("id", "p"))
                        .projectionExpression("profile.#n, scores[2], scores[0]")
                        .expressionAttributeNames(Map.of("#n", "name")))
            .item();

    assertThat(read)
        .isEqualTo(
            item(
                "profile",
                AttributeValue.fromM(Map.of("name", s("Ada"))),
                "scores",
                LocalDynamo.list(n(1), n(3))));
  }

  @Test
  void conditionOperatorsFollowPrecedenceNotAndOr() {
    String table = dynamo.table("id", null, null);
    dynamo.client.putItem(
        r ->
            r.tableName(table)
                .item(item("id", "c", "a", n(1), "b", n(2), "tags", LocalDynamo.ss("x"))));
    Map<String, AttributeValue> values = Map.of(":one", n(1), ":three", n(3));

    // a = 1 OR (b = 3 AND a = 3) holds; read left to right it would not.
    dynamo.client.putItem(
        r ->
            r.tableName(table)
                .item(item("id", "c", "a", n(1), "b", n(2), "tags", LocalDynamo.ss("x")))
                .conditionExpression("a = :one OR b = :three AND a = :three")
                .expressionAttributeValues(values));
    // (NOT a = 3) AND b = 3 fails; NOT over the whole conjunction would pass.
    assertThatThrownBy(
            () ->
                dynamo.client.putItem(
                    r ->
                        r.tableName(table)
                            .item(item("id", "c"))
                            .conditionExpression("NOT a = :three AND b = :three")
                            .expressionAttributeValues(Map.of(":three", n(3)))))
        .isInstanceOf(ConditionalCheckFailedException.class);
  }

  @Test
  void everyConditionFunctionAndComparatorEvaluates() {
    String table = dynamo.table("id", null, null);
    Map<String, AttributeValue> stored =
        item("id", "c", "a", n(1), "b", n(2), "tags", LocalDynamo.ss("x"));
    dynamo.client.putItem(r -> r.tableName(table).item(stored));

    dynamo.client.putItem(
        r ->
            r.tableName(table)
                .item(stored)
                .conditionExpression(
                    "(a < b AND b >= :two AND a <= :one AND b > a) AND a <> :three"
                        + " AND a BETWEEN :one AND :two AND b IN (:three, :two)"
                        + " AND size(tags) = :one AND contains(tags, :x)"
                        + " AND attribute_type(a, :n) AND begins_with(id, :c)"
                        + " AND attribute_not_exists(ghost) AND attribute_exists(tags)"
                        + " AND ghost <> :one")
                .expressionAttributeValues(
                    Map.of(
                        ":one", n(1), ":two", n(2), ":three", n(3), ":x", s("x"), ":n", s("N"),
                        ":c", s("c"))));
  }
}
