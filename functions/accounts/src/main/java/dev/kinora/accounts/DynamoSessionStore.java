package dev.kinora.accounts;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Sessions keyed by {@code pk} = SHA-256 of the token; {@code expiresAt} (epoch seconds) is the
 * table's TTL attribute. TTL deletes late (within days), so reads check the expiry themselves.
 */
public final class DynamoSessionStore implements SessionStore {
  private final DynamoDbClient dynamoDb;
  private final String table;

  public DynamoSessionStore(DynamoDbClient dynamoDb, String table) {
    this.dynamoDb = dynamoDb;
    this.table = table;
  }

  @Override
  public void put(Session session) {
    dynamoDb.putItem(
        r ->
            r.tableName(table)
                .item(
                    Map.of(
                        "pk", AttributeValue.fromS(session.tokenHash()),
                        "userId", AttributeValue.fromS(session.userId()),
                        "channelId", AttributeValue.fromS(session.channelId()),
                        "handle", AttributeValue.fromS(session.handle()),
                        "expiresAt", epoch(session.expiresAt()))));
  }

  @Override
  public Optional<Session> find(String tokenHash) {
    var response = dynamoDb.getItem(r -> r.tableName(table).key(key(tokenHash)));
    if (!response.hasItem() || response.item().isEmpty()) {
      return Optional.empty();
    }
    var item = response.item();
    return Optional.of(
        new Session(
            tokenHash,
            item.get("userId").s(),
            item.get("channelId").s(),
            item.get("handle").s(),
            Instant.ofEpochSecond(Long.parseLong(item.get("expiresAt").n()))));
  }

  @Override
  public void extend(String tokenHash, Instant expiresAt) {
    try {
      dynamoDb.updateItem(
          r ->
              r.tableName(table)
                  .key(key(tokenHash))
                  .updateExpression("SET expiresAt = :expiresAt")
                  // never resurrect a session that logout deleted meanwhile
                  .conditionExpression("attribute_exists(pk)")
                  .expressionAttributeValues(Map.of(":expiresAt", epoch(expiresAt))));
    } catch (ConditionalCheckFailedException gone) {
      // signed out between the read and this write: nothing to extend
    }
  }

  @Override
  public void delete(String tokenHash) {
    dynamoDb.deleteItem(r -> r.tableName(table).key(key(tokenHash)));
  }

  private static Map<String, AttributeValue> key(String tokenHash) {
    return Map.of("pk", AttributeValue.fromS(tokenHash));
  }

  private static AttributeValue epoch(Instant instant) {
    return AttributeValue.fromN(Long.toString(instant.getEpochSecond()));
  }
}
