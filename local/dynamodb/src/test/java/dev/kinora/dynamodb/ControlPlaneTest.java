package dev.kinora.dynamodb;

import static dev.kinora.dynamodb.LocalDynamo.attr;
import static dev.kinora.dynamodb.LocalDynamo.item;
import static dev.kinora.dynamodb.LocalDynamo.key;
import static dev.kinora.dynamodb.LocalDynamo.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateGlobalSecondaryIndexAction;
import software.amazon.awssdk.services.dynamodb.model.DeleteGlobalSecondaryIndexAction;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ListTablesResponse;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

class ControlPlaneTest {
  private LocalDynamo dynamo;

  @BeforeEach
  void start() {
    dynamo = LocalDynamo.inMemory();
  }

  @AfterEach
  void stop() {
    dynamo.close();
  }

  @Test
  void createdTableIsActiveAndDescribed() {
    dynamo.client.createTable(
        r ->
            r.tableName("uploads")
                .attributeDefinitions(attr("id", ScalarAttributeType.S))
                .keySchema(key("id", KeyType.HASH))
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .streamSpecification(
                    s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));
    dynamo.client.putItem(r -> r.tableName("uploads").item(item("id", "a")));

    TableDescription table = dynamo.client.describeTable(r -> r.tableName("uploads")).table();

    assertThat(table.tableStatus()).isEqualTo(TableStatus.ACTIVE);
    assertThat(table.itemCount()).isEqualTo(1);
    assertThat(table.tableArn()).isEqualTo("arn:aws:dynamodb:us-east-1:000000000000:table/uploads");
    assertThat(table.keySchema()).containsExactly(key("id", KeyType.HASH));
    assertThat(table.billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
    assertThat(table.latestStreamArn())
        .startsWith("arn:aws:dynamodb:us-east-1:000000000000:table/uploads/stream/");
    assertThat(table.creationDateTime()).isNotNull();
  }

  @Test
  void creatingAnExistingTableIsResourceInUse() {
    dynamo.table("id", null, null);
    String name = dynamo.table("id", null, null);

    assertThatThrownBy(
            () ->
                dynamo.client.createTable(
                    r ->
                        r.tableName(name)
                            .attributeDefinitions(attr("id", ScalarAttributeType.S))
                            .keySchema(key("id", KeyType.HASH))
                            .billingMode(BillingMode.PAY_PER_REQUEST)))
        .isInstanceOf(ResourceInUseException.class);
  }

  @Test
  void provisionedTableWithoutThroughputIsRejected() {
    assertThatThrownBy(
            () ->
                dynamo.client.createTable(
                    r ->
                        r.tableName("prov")
                            .attributeDefinitions(attr("id", ScalarAttributeType.S))
                            .keySchema(key("id", KeyType.HASH))))
        .hasMessageContaining("ReadCapacityUnits and WriteCapacityUnits must both be specified");
  }

  @Test
  void unusedAttributeDefinitionIsRejected() {
    assertThatThrownBy(
            () ->
                dynamo.client.createTable(
                    r ->
                        r.tableName("extra")
                            .attributeDefinitions(
                                attr("id", ScalarAttributeType.S), attr("x", ScalarAttributeType.S))
                            .keySchema(key("id", KeyType.HASH))
                            .billingMode(BillingMode.PAY_PER_REQUEST)))
        .hasMessageContaining("Some AttributeDefinitions are not used");
  }

  @Test
  void listTablesPagesInNameOrder() {
    for (String name : List.of("c-table", "a-table", "b-table")) {
      dynamo.client.createTable(
          r ->
              r.tableName(name)
                  .attributeDefinitions(attr("id", ScalarAttributeType.S))
                  .keySchema(key("id", KeyType.HASH))
                  .billingMode(BillingMode.PAY_PER_REQUEST));
    }
    List<String> names = new ArrayList<>();
    String start = null;
    do {
      String exclusiveStart = start;
      ListTablesResponse page =
          dynamo.client.listTables(r -> r.limit(2).exclusiveStartTableName(exclusiveStart));
      names.addAll(page.tableNames());
      start = page.lastEvaluatedTableName();
    } while (start != null);

    assertThat(names).containsExactly("a-table", "b-table", "c-table");
  }

  @Test
  void deletedTableIsGone() {
    String name = dynamo.table("id", null, null);

    TableDescription deleted = dynamo.client.deleteTable(r -> r.tableName(name)).tableDescription();

    assertThat(deleted.tableStatus()).isEqualTo(TableStatus.DELETING);
    assertThatThrownBy(() -> dynamo.client.describeTable(r -> r.tableName(name)))
        .isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void gsiAddedLaterIndexesExistingItemsAndCanBeDeleted() {
    String name = dynamo.table("id", null, null);
    dynamo.client.putItem(r -> r.tableName(name).item(item("id", "1", "email", "a@x")));
    dynamo.client.putItem(r -> r.tableName(name).item(item("id", "2")));

    dynamo.client.updateTable(
        r ->
            r.tableName(name)
                .attributeDefinitions(attr("email", ScalarAttributeType.S))
                .globalSecondaryIndexUpdates(
                    GlobalSecondaryIndexUpdate.builder()
                        .create(
                            CreateGlobalSecondaryIndexAction.builder()
                                .indexName("byEmail")
                                .keySchema(key("email", KeyType.HASH))
                                .projection(
                                    Projection.builder().projectionType(ProjectionType.ALL).build())
                                .build())
                        .build()));
    var described = dynamo.client.describeTable(r -> r.tableName(name)).table();
    var found =
        dynamo.client.query(
            r ->
                r.tableName(name)
                    .indexName("byEmail")
                    .keyConditionExpression("email = :e")
                    .expressionAttributeValues(Map.of(":e", s("a@x"))));

    assertThat(described.globalSecondaryIndexes().get(0).indexStatus())
        .isEqualTo(IndexStatus.ACTIVE);
    assertThat(described.globalSecondaryIndexes().get(0).itemCount()).isEqualTo(1);
    assertThat(found.items()).containsExactly(item("id", "1", "email", "a@x"));

    dynamo.client.updateTable(
        r ->
            r.tableName(name)
                .globalSecondaryIndexUpdates(
                    GlobalSecondaryIndexUpdate.builder()
                        .delete(
                            DeleteGlobalSecondaryIndexAction.builder().indexName("byEmail").build())
                        .build()));
    assertThat(
            dynamo.client.describeTable(r -> r.tableName(name)).table().hasGlobalSecondaryIndexes())
        .isFalse();
  }

  @Test
  void timeToLiveCanBeEnabledAndDescribed() {
    String name = dynamo.table("id", null, null);

    dynamo.client.updateTimeToLive(
        r ->
            r.tableName(name)
                .timeToLiveSpecification(t -> t.attributeName("expiresAt").enabled(true)));
    var description =
        dynamo.client.describeTimeToLive(r -> r.tableName(name)).timeToLiveDescription();

    assertThat(description.timeToLiveStatus()).isEqualTo(TimeToLiveStatus.ENABLED);
    assertThat(description.attributeName()).isEqualTo("expiresAt");
  }
}
