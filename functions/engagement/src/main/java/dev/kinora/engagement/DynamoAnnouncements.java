package dev.kinora.engagement;

import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Announcements in NotificationsTable (docs/data-model.md): one item per announced video, key
 * {@code userId = VIDEO#<videoId>} (never an account id: those hold no {@code #}) and {@code
 * videoId = #ANNOUNCED} (never a video id, like the {@code #UNREAD} counter), holding the {@code
 * publishId} that announced it. It has no {@code createdAt} or {@code unreadOf}, so neither index
 * holds it.
 */
public final class DynamoAnnouncements implements Announcements {
  static final String SORT_KEY = "#ANNOUNCED";

  private final DynamoDbClient dynamoDb;
  private final String table;

  public DynamoAnnouncements(DynamoDbClient dynamoDb, String table) {
    this.dynamoDb = dynamoDb;
    this.table = table;
  }

  @Override
  public boolean announce(String videoId, String publishId, Instant at) {
    try {
      dynamoDb.putItem(
          r ->
              r.tableName(table)
                  .item(
                      Map.of(
                          "userId", s("VIDEO#" + videoId),
                          "videoId", s(SORT_KEY),
                          "publishId", s(publishId),
                          "announcedAt", s(at.toString())))
                  .conditionExpression("attribute_not_exists(userId) OR publishId = :p")
                  .expressionAttributeValues(Map.of(":p", s(publishId))));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false; // announced by an earlier publish
    }
  }

  @Override
  public void forget(String videoId) {
    dynamoDb.deleteItem(r -> r.tableName(table).key(key(videoId)));
  }

  private static Map<String, AttributeValue> key(String videoId) {
    return Map.of("userId", s("VIDEO#" + videoId), "videoId", s(SORT_KEY));
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }
}
