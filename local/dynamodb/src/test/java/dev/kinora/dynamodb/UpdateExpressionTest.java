package dev.kinora.dynamodb;

import static dev.kinora.dynamodb.LocalDynamo.item;
import static dev.kinora.dynamodb.LocalDynamo.list;
import static dev.kinora.dynamodb.LocalDynamo.n;
import static dev.kinora.dynamodb.LocalDynamo.s;
import static dev.kinora.dynamodb.LocalDynamo.ss;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

class UpdateExpressionTest {
  private static LocalDynamo dynamo;
  private static String table;

  @BeforeAll
  static void start() {
    dynamo = LocalDynamo.inMemory();
    table = dynamo.table("id", null, null);
  }

  @AfterAll
  static void stop() {
    dynamo.close();
  }

  private static UpdateItemResponse update(
      String id, String expression, Map<String, AttributeValue> values, ReturnValue returnValues) {
    return dynamo.client.updateItem(
        r ->
            r.tableName(table)
                .key(item("id", id))
                .updateExpression(expression)
                .expressionAttributeValues(values)
                .returnValues(returnValues));
  }

  private static Map<String, AttributeValue> read(String id) {
    return dynamo.client.getItem(r -> r.tableName(table).key(item("id", id))).item();
  }

  @Test
  void updateCreatesTheItemWhenAbsent() {
    UpdateItemResponse response =
        update("new", "SET title = :t", Map.of(":t", s("hello")), ReturnValue.ALL_NEW);

    assertThat(response.attributes()).isEqualTo(item("id", "new", "title", "hello"));
  }

  @Test
  void updateExpressionSupportsIfNotExistsAndListAppend() {
    update(
        "views",
        "SET plays = if_not_exists(plays, :zero) + :one, history = list_append(if_not_exists("
            + "history, :empty), :entry)",
        Map.of(":zero", n(0), ":one", n(1), ":empty", list(), ":entry", list(s("first"))),
        ReturnValue.NONE);
    update(
        "views",
        "SET plays = if_not_exists(plays, :zero) + :one, history = list_append(:entry, history)",
        Map.of(":zero", n(0), ":one", n(1), ":entry", list(s("second"))),
        ReturnValue.NONE);

    assertThat(read("views"))
        .isEqualTo(item("id", "views", "plays", n(2), "history", list(s("second"), s("first"))));
  }

  @Test
  void arithmeticSubtractsAndKeepsExactDecimals() {
    dynamo.client.putItem(r -> r.tableName(table).item(item("id", "money", "balance", n("10.10"))));

    update("money", "SET balance = balance - :fee", Map.of(":fee", n("0.20")), ReturnValue.NONE);

    assertThat(read("money").get("balance")).isEqualTo(n("9.9"));
  }

  @Test
  void setWorksOnNestedMapsAndListIndexes() {
    dynamo.client.putItem(
        r ->
            r.tableName(table)
                .item(
                    item(
                        "id",
                        "doc",
                        "meta",
                        AttributeValue.fromM(Map.of("dims", AttributeValue.fromM(Map.of()))),
                        "parts",
                        list(s("a"), s("b")))));

    update(
        "doc",
        "SET meta.dims.width = :w, parts[1] = :b2, parts[7] = :c",
        Map.of(":w", n(1920), ":b2", s("B"), ":c", s("c")),
        ReturnValue.NONE);

    Map<String, AttributeValue> doc = read("doc");
    assertThat(doc.get("meta").m().get("dims").m()).containsEntry("width", n(1920));
    assertThat(doc.get("parts")).isEqualTo(list(s("a"), s("B"), s("c")));
  }

  @Test
  void settingBelowAMissingMapIsRejected() {
    assertThatThrownBy(
            () -> update("nomap", "SET a.b = :v", Map.of(":v", s("x")), ReturnValue.NONE))
        .hasMessageContaining("The document path provided in the update expression is invalid");
  }

  @Test
  void removeDeletesAttributesAndListElementsByOriginalIndex() {
    dynamo.client.putItem(
        r ->
            r.tableName(table)
                .item(
                    item(
                        "id",
                        "rm",
                        "gone",
                        "x",
                        "keep",
                        "y",
                        "l",
                        list(s("0"), s("1"), s("2"), s("3")))));

    dynamo.client.updateItem(
        r -> r.tableName(table).key(item("id", "rm")).updateExpression("REMOVE gone, l[1], l[2]"));

    assertThat(read("rm")).isEqualTo(item("id", "rm", "keep", "y", "l", list(s("0"), s("3"))));
  }

  @Test
  void addIncrementsNumbersAndUnionsSetsCreatingThemWhenAbsent() {
    update("add", "ADD hits :one, tags :t", Map.of(":one", n(1), ":t", ss("a")), ReturnValue.NONE);
    update(
        "add",
        "ADD hits :five, tags :t",
        Map.of(":five", n(5), ":t", ss("b", "a")),
        ReturnValue.NONE);

    Map<String, AttributeValue> row = read("add");
    assertThat(row.get("hits")).isEqualTo(n(6));
    assertThat(row.get("tags").ss()).containsExactlyInAnyOrder("a", "b");
  }

  @Test
  void deleteRemovesSetMembersAndDropsEmptiedSets() {
    dynamo.client.putItem(
        r -> r.tableName(table).item(item("id", "del", "tags", ss("a", "b"), "extra", ss("x"))));

    update(
        "del", "DELETE tags :a, extra :x", Map.of(":a", ss("a"), ":x", ss("x")), ReturnValue.NONE);

    assertThat(read("del")).isEqualTo(item("id", "del", "tags", ss("b")));
  }

  @Test
  void severalClausesApplyInOneUpdate() {
    dynamo.client.putItem(
        r -> r.tableName(table).item(item("id", "multi", "stale", "x", "n", n(1))));

    UpdateItemResponse response =
        update(
            "multi",
            "SET title = :t REMOVE stale ADD n :one",
            Map.of(":t", s("T"), ":one", n(1)),
            ReturnValue.UPDATED_NEW);

    assertThat(read("multi")).isEqualTo(item("id", "multi", "n", n(2), "title", "T"));
    assertThat(response.attributes()).isEqualTo(item("title", "T", "n", n(2)));
  }

  @Test
  void updatedOldReturnsOnlyTouchedAttributesBeforeTheChange() {
    dynamo.client.putItem(
        r -> r.tableName(table).item(item("id", "uo", "a", "1", "b", "2", "c", "3")));

    UpdateItemResponse response =
        update("uo", "SET a = :x REMOVE b", Map.of(":x", s("9")), ReturnValue.UPDATED_OLD);

    assertThat(response.attributes()).isEqualTo(item("a", "1", "b", "2"));
  }

  @Test
  void updatingAKeyAttributeIsRejected() {
    assertThatThrownBy(() -> update("k", "SET id = :v", Map.of(":v", s("x")), ReturnValue.NONE))
        .hasMessageContaining("Cannot update attribute id. This attribute is part of the key");
  }

  @Test
  void overlappingPathsInOneUpdateAreRejected() {
    assertThatThrownBy(
            () -> update("o", "SET a = :v, a.b = :v", Map.of(":v", s("x")), ReturnValue.NONE))
        .hasMessageContaining("Two document paths overlap with each other");
  }

  @Test
  void arithmeticOnAStringIsRejected() {
    dynamo.client.putItem(r -> r.tableName(table).item(item("id", "str", "count", "ten")));

    assertThatThrownBy(
            () ->
                dynamo.client.updateItem(
                    r ->
                        r.tableName(table)
                            .key(item("id", "str"))
                            .updateExpression("SET #c = #c + :one")
                            .expressionAttributeNames(Map.of("#c", "count"))
                            .expressionAttributeValues(Map.of(":one", n(1)))))
        .hasMessageContaining("incorrect data type");
  }
}
