package dev.kinora.discovery;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Subscriptions from EngagementTable ({@code Query pk = USER#<me> AND begins_with(sk, "SUB#")}, the
 * shape the engagement context writes) and watch progress from WatchProgressTable ({@code Query
 * ByRecent userId = :me}, newest first; {@code BatchGetItem (userId, videoId)} for given videos).
 */
final class DynamoViewerSignals implements ViewerSignals {
  private final DynamoDbClient dynamoDb;
  private final String engagementTable;
  private final String progressTable;

  DynamoViewerSignals(DynamoDbClient dynamoDb, String engagementTable, String progressTable) {
    this.dynamoDb = dynamoDb;
    this.engagementTable = engagementTable;
    this.progressTable = progressTable;
  }

  @Override
  public List<String> subscribedChannels(String userId, int max) {
    var response =
        dynamoDb.query(
            r ->
                r.tableName(engagementTable)
                    .keyConditionExpression("pk = :pk AND begins_with(sk, :sub)")
                    .expressionAttributeValues(
                        Map.of(
                            ":pk", AttributeValue.fromS("USER#" + userId),
                            ":sub", AttributeValue.fromS("SUB#")))
                    .limit(max));
    return response.items().stream()
        .map(item -> item.get("sk").s().substring("SUB#".length()))
        .toList();
  }

  @Override
  public List<Watched> recentlyWatched(String userId, int max) {
    var response =
        dynamoDb.query(
            r ->
                r.tableName(progressTable)
                    .indexName("ByRecent")
                    .keyConditionExpression("userId = :u")
                    .expressionAttributeValues(Map.of(":u", AttributeValue.fromS(userId)))
                    .scanIndexForward(false)
                    .limit(max));
    return response.items().stream()
        .map(item -> new Watched(item.get("videoId").s(), percentage(item)))
        .toList();
  }

  @Override
  public Map<String, Double> watchedPercentages(String userId, Collection<String> videoIds) {
    List<Map<String, AttributeValue>> keys =
        new LinkedHashSet<>(videoIds)
            .stream()
                .map(
                    id ->
                        Map.of(
                            "userId", AttributeValue.fromS(userId),
                            "videoId", AttributeValue.fromS(id)))
                .<Map<String, AttributeValue>>map(key -> key)
                .toList();
    var watched = new HashMap<String, Double>();
    for (Map<String, AttributeValue> item :
        DynamoBatchGet.items(dynamoDb, progressTable, keys, "videoId, percentage", null)) {
      watched.put(item.get("videoId").s(), percentage(item));
    }
    return watched;
  }

  private static double percentage(Map<String, AttributeValue> item) {
    AttributeValue value = item.get("percentage");
    return value == null || value.n() == null ? 0 : Double.parseDouble(value.n());
  }
}
