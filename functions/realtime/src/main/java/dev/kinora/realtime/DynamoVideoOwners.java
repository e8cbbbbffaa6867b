package dev.kinora.realtime;

import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** VideosTable {@code GetItem id}, projecting only {@code ownerId}. */
public final class DynamoVideoOwners implements VideoOwners {
  private final DynamoDbClient dynamoDb;
  private final String table;

  public DynamoVideoOwners(DynamoDbClient dynamoDb, String table) {
    this.dynamoDb = dynamoDb;
    this.table = table;
  }

  @Override
  public Optional<String> ownerOf(String videoId) {
    var item =
        dynamoDb
            .getItem(
                r ->
                    r.tableName(table)
                        .key(Map.of("id", AttributeValue.fromS(videoId)))
                        .projectionExpression("ownerId"))
            .item();
    return item == null || !item.containsKey("ownerId")
        ? Optional.empty()
        : Optional.of(item.get("ownerId").s());
  }
}
