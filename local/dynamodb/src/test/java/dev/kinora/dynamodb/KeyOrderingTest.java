package dev.kinora.dynamodb;

import static dev.kinora.dynamodb.LocalDynamo.item;
import static dev.kinora.dynamodb.LocalDynamo.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.AttributeValueUpdate;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

class KeyOrderingTest {
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
  void stringSortKeysOrderByUtf8BytesNotUtf16() {
    String table = dynamo.table("pk", "sk", ScalarAttributeType.S);
    // U+FF01 sorts before U+1F600 in UTF-8; Java's UTF-16 compareTo says the opposite.
    for (String sk : new String[] {"\uD83D\uDE00", "\uFF01", "Z", "a"}) {
      dynamo.client.putItem(r -> r.tableName(table).item(item("pk", "p", "sk", sk)));
    }

    var order =
        dynamo
            .client
            .query(
                r ->
                    r.tableName(table)
                        .keyConditionExpression("pk = :p")
                        .expressionAttributeValues(Map.of(":p", s("p"))))
            .items()
            .stream()
            .map(i -> i.get("sk").s())
            .toList();

    assertThat(order).containsExactly("Z", "a", "\uFF01", "\uD83D\uDE00");
  }

  @Test
  void binarySortKeysOrderUnsigned() {
    String table = dynamo.table("pk", "sk", ScalarAttributeType.B);
    for (int b : new int[] {0x80, 0x01, 0xFF, 0x7F}) {
      AttributeValue sk = AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {(byte) b}));
      dynamo.client.putItem(r -> r.tableName(table).item(item("pk", "p", "sk", sk)));
    }

    var order =
        dynamo
            .client
            .query(
                r ->
                    r.tableName(table)
                        .keyConditionExpression("pk = :p")
                        .expressionAttributeValues(Map.of(":p", s("p"))))
            .items()
            .stream()
            .map(i -> i.get("sk").b().asByteArray()[0] & 0xFF)
            .toList();

    assertThat(order).containsExactly(0x01, 0x7F, 0x80, 0xFF);
  }

  @Test
  void failedConditionOnUpdateDoesNotCreateTheItem() {
    String table = dynamo.table("id", null, null);

    assertThatThrownBy(
            () ->
                dynamo.client.updateItem(
                    r ->
                        r.tableName(table)
                            .key(item("id", "ghost"))
                            .updateExpression("SET title = :t")
                            .conditionExpression("attribute_exists(id)")
                            .expressionAttributeValues(Map.of(":t", s("x")))))
        .isInstanceOf(ConditionalCheckFailedException.class);
    assertThat(dynamo.client.getItem(r -> r.tableName(table).key(item("id", "ghost"))).hasItem())
        .isFalse();
  }

  @Test
  void legacyParametersAreRefusedRatherThanIgnored() {
    String table = dynamo.table("id", null, null);

    assertThatThrownBy(
            () ->
                dynamo.client.updateItem(
                    r ->
                        r.tableName(table)
                            .key(item("id", "legacy"))
                            .attributeUpdates(
                                Map.of(
                                    "title",
                                    AttributeValueUpdate.builder().value(s("x")).build()))))
        .hasMessageContaining("does not support the legacy parameter AttributeUpdates");
  }
}
