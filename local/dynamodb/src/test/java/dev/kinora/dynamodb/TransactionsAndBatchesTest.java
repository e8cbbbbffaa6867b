package dev.kinora.dynamodb;

import static dev.kinora.dynamodb.LocalDynamo.item;
import static dev.kinora.dynamodb.LocalDynamo.n;
import static dev.kinora.dynamodb.LocalDynamo.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.Get;
import software.amazon.awssdk.services.dynamodb.model.IdempotentParameterMismatchException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

class TransactionsAndBatchesTest {
  private static LocalDynamo dynamo;
  private static String accounts;
  private static String ledger;

  @BeforeAll
  static void start() {
    dynamo = LocalDynamo.inMemory();
    accounts = dynamo.table("id", null, null);
    ledger = dynamo.table("id", null, null);
  }

  @AfterAll
  static void stop() {
    dynamo.close();
  }

  private static Map<String, AttributeValue> read(String table, String id) {
    return dynamo.client.getItem(r -> r.tableName(table).key(item("id", id))).item();
  }

  private static TransactWriteItem debit(String id, long amount) {
    return TransactWriteItem.builder()
        .update(
            Update.builder()
                .tableName(accounts)
                .key(item("id", id))
                .updateExpression("SET balance = balance - :a")
                .conditionExpression("balance >= :a")
                .expressionAttributeValues(Map.of(":a", n(amount)))
                .build())
        .build();
  }

  @Test
  void transactionCommitsEveryActionTogether() {
    dynamo.client.putItem(r -> r.tableName(accounts).item(item("id", "t1", "balance", n(100))));
    dynamo.client.putItem(r -> r.tableName(ledger).item(item("id", "old-entry")));

    dynamo.client.transactWriteItems(
        r ->
            r.transactItems(
                debit("t1", 30),
                TransactWriteItem.builder()
                    .put(
                        Put.builder()
                            .tableName(ledger)
                            .item(item("id", "entry-1", "amount", n(30)))
                            .build())
                    .build(),
                TransactWriteItem.builder()
                    .delete(Delete.builder().tableName(ledger).key(item("id", "old-entry")).build())
                    .build()));

    assertThat(read(accounts, "t1").get("balance")).isEqualTo(n(70));
    assertThat(read(ledger, "entry-1")).containsEntry("amount", n(30));
    assertThat(read(ledger, "old-entry")).isEmpty();
  }

  @Test
  void transactionIsAllOrNothingWithCancellationReasons() {
    dynamo.client.putItem(r -> r.tableName(accounts).item(item("id", "rich", "balance", n(100))));
    dynamo.client.putItem(r -> r.tableName(accounts).item(item("id", "poor", "balance", n(5))));

    assertThatThrownBy(
            () ->
                dynamo.client.transactWriteItems(
                    r ->
                        r.transactItems(
                            debit("rich", 10),
                            TransactWriteItem.builder()
                                .conditionCheck(
                                    ConditionCheck.builder()
                                        .tableName(accounts)
                                        .key(item("id", "poor"))
                                        .conditionExpression("balance >= :a")
                                        .expressionAttributeValues(Map.of(":a", n(10)))
                                        .returnValuesOnConditionCheckFailure(
                                            ReturnValuesOnConditionCheckFailure.ALL_OLD)
                                        .build())
                                .build())))
        .isInstanceOfSatisfying(
            TransactionCanceledException.class,
            e -> {
              assertThat(e.cancellationReasons())
                  .extracting(CancellationReason::code)
                  .containsExactly("None", "ConditionalCheckFailed");
              assertThat(e.cancellationReasons().get(1).item())
                  .isEqualTo(item("id", "poor", "balance", n(5)));
              assertThat(e.getMessage()).contains("[None, ConditionalCheckFailed]");
            });
    assertThat(read(accounts, "rich").get("balance")).isEqualTo(n(100));
  }

  @Test
  void oneItemTwiceInATransactionIsRejected() {
    assertThatThrownBy(
            () ->
                dynamo.client.transactWriteItems(
                    r -> r.transactItems(debit("x", 1), debit("x", 2))))
        .hasMessageContaining("Transaction request cannot include multiple operations on one item");
  }

  @Test
  void transactGetReadsSeveralTablesAtOnce() {
    dynamo.client.putItem(r -> r.tableName(accounts).item(item("id", "g1", "balance", n(1))));
    dynamo.client.putItem(r -> r.tableName(ledger).item(item("id", "g2", "note", "hi")));

    var response =
        dynamo.client.transactGetItems(
            r ->
                r.transactItems(
                    TransactGetItem.builder()
                        .get(Get.builder().tableName(accounts).key(item("id", "g1")).build())
                        .build(),
                    TransactGetItem.builder()
                        .get(
                            Get.builder()
                                .tableName(ledger)
                                .key(item("id", "g2"))
                                .projectionExpression("note")
                                .build())
                        .build(),
                    TransactGetItem.builder()
                        .get(Get.builder().tableName(ledger).key(item("id", "missing")).build())
                        .build()));

    assertThat(response.responses().get(0).item()).isEqualTo(item("id", "g1", "balance", n(1)));
    assertThat(response.responses().get(1).item()).isEqualTo(item("note", "hi"));
    assertThat(response.responses().get(2).hasItem()).isFalse();
  }

  @Test
  void batchWriteThenBatchGetAcrossTables() {
    List<WriteRequest> writes = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      writes.add(
          WriteRequest.builder()
              .putRequest(PutRequest.builder().item(item("id", "b" + i, "i", n(i))).build())
              .build());
    }
    dynamo.client.batchWriteItem(r -> r.requestItems(Map.of(accounts, writes)));
    dynamo.client.batchWriteItem(
        r ->
            r.requestItems(
                Map.of(
                    accounts,
                    List.of(
                        WriteRequest.builder()
                            .deleteRequest(DeleteRequest.builder().key(item("id", "b0")).build())
                            .build()),
                    ledger,
                    List.of(
                        WriteRequest.builder()
                            .putRequest(PutRequest.builder().item(item("id", "l1")).build())
                            .build()))));

    BatchGetItemResponse response =
        dynamo.client.batchGetItem(
            r ->
                r.requestItems(
                    Map.of(
                        accounts,
                        KeysAndAttributes.builder()
                            .keys(List.of(item("id", "b0"), item("id", "b1"), item("id", "b24")))
                            .projectionExpression("i")
                            .build(),
                        ledger,
                        KeysAndAttributes.builder().keys(List.of(item("id", "l1"))).build())));

    assertThat(response.responses().get(accounts))
        .containsExactlyInAnyOrder(item("i", n(1)), item("i", n(24)));
    assertThat(response.responses().get(ledger)).containsExactly(item("id", "l1"));
    assertThat(response.unprocessedKeys()).isEmpty();
  }

  @Test
  void batchWriteWithDuplicateKeysIsRejected() {
    WriteRequest put =
        WriteRequest.builder()
            .putRequest(PutRequest.builder().item(item("id", "dup")).build())
            .build();

    assertThatThrownBy(
            () ->
                dynamo.client.batchWriteItem(
                    r -> r.requestItems(Map.of(accounts, List.of(put, put)))))
        .hasMessageContaining("Provided list of item keys contains duplicates");
  }

  @Test
  void batchWriteOfMoreThan25ItemsIsRejected() {
    List<WriteRequest> writes = new ArrayList<>();
    for (int i = 0; i < 26; i++) {
      writes.add(
          WriteRequest.builder()
              .putRequest(PutRequest.builder().item(item("id", "over" + i, "v", s("x"))).build())
              .build());
    }

    assertThatThrownBy(
            () -> dynamo.client.batchWriteItem(r -> r.requestItems(Map.of(accounts, writes))))
        .hasMessageContaining("length less than or equal to 25");
  }

  @Test
  void repeatedClientRequestTokenDoesNotApplyTwice() {
    dynamo.client.putItem(r -> r.tableName(accounts).item(item("id", "idem", "balance", n(50))));

    for (int attempt = 0; attempt < 2; attempt++) {
      dynamo.client.transactWriteItems(
          r -> r.clientRequestToken("token-1").transactItems(debit("idem", 10)));
    }

    assertThat(read(accounts, "idem").get("balance")).isEqualTo(n(40));
    assertThatThrownBy(
            () ->
                dynamo.client.transactWriteItems(
                    r -> r.clientRequestToken("token-1").transactItems(debit("idem", 20))))
        .isInstanceOf(IdempotentParameterMismatchException.class);
  }
}
