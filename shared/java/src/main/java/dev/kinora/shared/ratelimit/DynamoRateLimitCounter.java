package dev.kinora.shared.ratelimit;

import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Counters in a DynamoDB table keyed by {@code pk} (the window key) with TTL on {@code expiresAt}.
 *
 * <p>One {@code UpdateItem} per request: {@code ADD} is atomic and creates the item when absent, so
 * concurrent requests never lose a count and no condition or read-before-write is needed; the
 * returned value is the count including this request. TTL deletes past windows (within days on AWS;
 * a past window's key is never used again, so late deletion is harmless).
 */
public final class DynamoRateLimitCounter implements RateLimitCounter {
  private final DynamoDbClient dynamoDb;
  private final String tableName;

  public DynamoRateLimitCounter(DynamoDbClient dynamoDb, String tableName) {
    this.dynamoDb = dynamoDb;
    this.tableName = tableName;
  }

  @Override
  public long increment(String key, Instant expiresAt) {
    var result =
        dynamoDb.updateItem(
            r ->
                r.tableName(tableName)
                    .key(Map.of("pk", AttributeValue.fromS(key)))
                    .updateExpression("ADD #count :one SET #expiresAt = :expiresAt")
                    .expressionAttributeNames(Map.of("#count", "count", "#expiresAt", "expiresAt"))
                    .expressionAttributeValues(
                        Map.of(
                            ":one",
                            AttributeValue.fromN("1"),
                            ":expiresAt",
                            AttributeValue.fromN(Long.toString(expiresAt.getEpochSecond()))))
                    .returnValues(ReturnValue.UPDATED_NEW));
    return Long.parseLong(result.attributes().get("count").n());
  }
}
