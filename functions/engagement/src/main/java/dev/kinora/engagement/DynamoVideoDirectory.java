package dev.kinora.engagement;

import dev.kinora.shared.json.Json;
import dev.kinora.shared.model.VideoStatus;
import dev.kinora.shared.model.VideoVisibility;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * VideosTable, read only the attributes engagement needs. Strongly consistent: a rating answers the
 * counters its own transaction just moved.
 */
public final class DynamoVideoDirectory implements VideoDirectory {
  private final DynamoDbClient dynamoDb;
  private final String table;

  public DynamoVideoDirectory(DynamoDbClient dynamoDb, String table) {
    this.dynamoDb = dynamoDb;
    this.table = table;
  }

  @Override
  public Optional<VideoRef> video(String videoId) {
    var response =
        dynamoDb.getItem(
            r ->
                r.tableName(table)
                    .key(Map.of("id", AttributeValue.fromS(videoId)))
                    .consistentRead(true)
                    .projectionExpression(
                        "id, ownerId, visibility, #status, likeCount, dislikeCount, commentCount")
                    .expressionAttributeNames(Map.of("#status", "status")));
    if (!response.hasItem() || response.item().isEmpty()) {
      return Optional.empty();
    }
    Map<String, AttributeValue> item = response.item();
    return Optional.of(
        new VideoRef(
            item.get("id").s(),
            item.get("ownerId").s(),
            Json.mapper().convertValue(item.get("visibility").s(), VideoVisibility.class),
            Json.mapper().convertValue(item.get("status").s(), VideoStatus.class),
            counter(item, "likeCount"),
            counter(item, "dislikeCount"),
            counter(item, "commentCount")));
  }

  /** Counters are only ever ADDed to, so a video nobody rated yet has no attribute. */
  static long counter(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null || value.n() == null ? 0 : Long.parseLong(value.n());
  }
}
