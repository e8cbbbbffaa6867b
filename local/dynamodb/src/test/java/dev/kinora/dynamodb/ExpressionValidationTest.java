package dev.kinora.dynamodb;

import static dev.kinora.dynamodb.LocalDynamo.item;
import static dev.kinora.dynamodb.LocalDynamo.n;
import static dev.kinora.dynamodb.LocalDynamo.s;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/** DynamoDB rejects malformed expressions; code that passes here must not fail on AWS. */
class ExpressionValidationTest {
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

  @Test
  void unusedExpressionAttributeValueIsRejected() {
    assertThatThrownBy(
            () ->
                dynamo.client.updateItem(
                    r ->
                        r.tableName(table)
                            .key(item("id", "a"))
                            .updateExpression("SET x = :x")
                            .expressionAttributeValues(Map.of(":x", n(1), ":extra", n(2)))))
        .isInstanceOf(DynamoDbException.class)
        .hasMessageContaining(
            "Value provided in ExpressionAttributeValues unused in expressions: keys: {:extra}");
  }

  @Test
  void unusedExpressionAttributeNameIsRejected() {
    assertThatThrownBy(
            () ->
                dynamo.client.getItem(
                    r ->
                        r.tableName(table)
                            .key(item("id", "a"))
                            .projectionExpression("x")
                            .expressionAttributeNames(Map.of("#unused", "y"))))
        .hasMessageContaining("Value provided in ExpressionAttributeNames unused in expressions");
  }

  @Test
  void undefinedPlaceholdersAreRejected() {
    assertThatThrownBy(
            () ->
                dynamo.client.putItem(
                    r ->
                        r.tableName(table)
                            .item(item("id", "a"))
                            .conditionExpression("x = :missing")))
        .hasMessageContaining(
            "An expression attribute value used in expression is not defined; attribute value:"
                + " :missing");
    assertThatThrownBy(
            () ->
                dynamo.client.putItem(
                    r ->
                        r.tableName(table)
                            .item(item("id", "a"))
                            .conditionExpression("attribute_exists(#missing)")))
        .hasMessageContaining("attribute name: #missing");
  }

  @Test
  void reservedWordAsAttributeNameIsRejected() {
    assertThatThrownBy(
            () ->
                dynamo.client.updateItem(
                    r ->
                        r.tableName(table)
                            .key(item("id", "a"))
                            .updateExpression("SET status = :s")
                            .expressionAttributeValues(Map.of(":s", s("READY")))))
        .hasMessageContaining("Attribute name is a reserved keyword; reserved keyword: status");
  }

  @Test
  void syntaxErrorsNameTheOffendingToken() {
    assertThatThrownBy(
            () ->
                dynamo.client.putItem(
                    r ->
                        r.tableName(table)
                            .item(item("id", "a"))
                            .conditionExpression("a = = :v")
                            .expressionAttributeValues(Map.of(":v", n(1)))))
        .hasMessageContaining("Invalid ConditionExpression: Syntax error; token: \"=\"");
  }

  @Test
  void unknownFunctionIsRejected() {
    assertThatThrownBy(
            () ->
                dynamo.client.putItem(
                    r ->
                        r.tableName(table)
                            .item(item("id", "a"))
                            .conditionExpression("starts_with(id, :v)")
                            .expressionAttributeValues(Map.of(":v", s("x")))))
        .hasMessageContaining("Invalid function name; function: starts_with");
  }

  @Test
  void betweenWithReversedBoundsIsRejected() {
    assertThatThrownBy(
            () ->
                dynamo.client.putItem(
                    r ->
                        r.tableName(table)
                            .item(item("id", "a"))
                            .conditionExpression("x BETWEEN :hi AND :lo")
                            .expressionAttributeValues(Map.of(":hi", n(5), ":lo", n(1)))))
        .hasMessageContaining("BETWEEN operator requires upper bound");
  }

  @Test
  void clauseRepeatedInUpdateIsRejected() {
    assertThatThrownBy(
            () ->
                dynamo.client.updateItem(
                    r ->
                        r.tableName(table)
                            .key(item("id", "a"))
                            .updateExpression("SET a = :v SET b = :v")
                            .expressionAttributeValues(Map.of(":v", n(1)))))
        .hasMessageContaining("The \"SET\" section can only be used once");
  }
}
