package dev.kinora.discovery;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Feed snapshots in DiscoveryTable: {@code pk = FEED#<userId>, sk = <snapshotId>}, {@code videoIds}
 * (L of S, at most {@code discovery.feed.maxItems}), TTL {@code expiresAt}. The user is part of the
 * key, so a cursor copied from someone else's feed finds nothing.
 */
final class DynamoFeedSnapshots implements FeedSnapshots {
  private final DynamoDbClient dynamoDb;
  private final String table;

  DynamoFeedSnapshots(DynamoDbClient dynamoDb, String table) {
    this.dynamoDb = dynamoDb;
    this.table = table;
  }

  @Override
  public void save(String userId, String snapshotId, List<String> videoIds, Instant expiresAt) {
    dynamoDb.putItem(
        r ->
            r.tableName(table)
                .item(
                    Map.of(
                        "pk", AttributeValue.fromS("FEED#" + userId),
                        "sk", AttributeValue.fromS(snapshotId),
                        "videoIds", DynamoTrendingStore.list(videoIds),
                        "expiresAt",
                            AttributeValue.fromN(Long.toString(expiresAt.getEpochSecond())))));
  }

  @Override
  public Optional<List<String>> find(String userId, String snapshotId, Instant now) {
    var response =
        dynamoDb.getItem(
            r ->
                r.tableName(table)
                    .key(
                        Map.of(
                            "pk", AttributeValue.fromS("FEED#" + userId),
                            "sk", AttributeValue.fromS(snapshotId))));
    if (!response.hasItem() || response.item().isEmpty()) {
      return Optional.empty();
    }
    Map<String, AttributeValue> item = response.item();
    // TTL deletes late: an expired snapshot is gone even while DynamoDB still holds it
    long expiresAt = Long.parseLong(item.get("expiresAt").n());
    if (expiresAt <= now.getEpochSecond()) {
      return Optional.empty();
    }
    return Optional.of(DynamoTrendingStore.strings(item.get("videoIds")));
  }
}
