package dev.kinora.videos;

import dev.kinora.shared.contract.ValidationIssue;
import dev.kinora.shared.http.ApiException;
import dev.kinora.shared.model.WatchProgress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * WatchProgressTable (docs/data-model.md): key {@code userId} + {@code videoId}, GSI {@code
 * ByRecent} ({@code userId} + {@code updatedAt}) for the history page.
 *
 * <p>The maxima are kept without reading first. The common report (playback moved forward) is one
 * {@code UpdateItem} conditioned on both stored maxima being at most the new values. When that
 * condition fails (the viewer rewatches an earlier part, or reports arrive out of order), each
 * maximum is raised by its own conditional write ({@code attribute < :new}), and only the position
 * and time are set unconditionally. Every write is atomic against the stored item, so two racing
 * reports can never lower a maximum.
 */
public final class DynamoWatchProgressStore implements WatchProgressStore {
  static final String BY_RECENT = "ByRecent";
  private final DynamoDbClient dynamoDb;
  private final String table;

  public DynamoWatchProgressStore(DynamoDbClient dynamoDb, String table) {
    this.dynamoDb = dynamoDb;
    this.table = table;
  }

  @Override
  public Optional<WatchProgress> find(String userId, String videoId) {
    var response =
        dynamoDb.getItem(r -> r.tableName(table).key(key(userId, videoId)).consistentRead(true));
    return response.hasItem() && !response.item().isEmpty()
        ? Optional.of(progress(response.item()))
        : Optional.empty();
  }

  @Override
  public WatchProgress save(
      String userId,
      String videoId,
      double position,
      double watchedSeconds,
      double percentage,
      Instant now) {
    Map<String, AttributeValue> values =
        Map.of(
            ":p", n(position),
            ":w", n(watchedSeconds),
            ":pc", n(percentage),
            ":now", AttributeValue.fromS(now.toString()));
    try {
      var forward =
          dynamoDb.updateItem(
              r ->
                  r.tableName(table)
                      .key(key(userId, videoId))
                      .updateExpression(
                          "SET lastPosition = :p, updatedAt = :now, watchedSeconds = :w,"
                              + " percentage = :pc")
                      .conditionExpression(
                          "attribute_not_exists(userId) OR (watchedSeconds <= :w AND percentage <= :pc)")
                      .expressionAttributeValues(values)
                      .returnValues(ReturnValue.ALL_NEW));
      return progress(forward.attributes());
    } catch (ConditionalCheckFailedException behind) {
      raise(userId, videoId, "watchedSeconds", n(watchedSeconds));
      raise(userId, videoId, "percentage", n(percentage));
      var response =
          dynamoDb.updateItem(
              r ->
                  r.tableName(table)
                      .key(key(userId, videoId))
                      .updateExpression("SET lastPosition = :p, updatedAt = :now")
                      .expressionAttributeValues(
                          Map.of(":p", values.get(":p"), ":now", values.get(":now")))
                      .returnValues(ReturnValue.ALL_NEW));
      return progress(response.attributes());
    }
  }

  /** {@code SET attribute = :v} only where the stored value is lower (a DynamoDB "max"). */
  private void raise(String userId, String videoId, String attribute, AttributeValue value) {
    try {
      dynamoDb.updateItem(
          r ->
              r.tableName(table)
                  .key(key(userId, videoId))
                  .updateExpression("SET #a = :v")
                  .conditionExpression("attribute_not_exists(#a) OR #a < :v")
                  .expressionAttributeNames(Map.of("#a", attribute))
                  .expressionAttributeValues(Map.of(":v", value)));
    } catch (ConditionalCheckFailedException alreadyHigher) {
      // the stored maximum is at least this value: nothing to do
    }
  }

  @Override
  public Page recent(String userId, String cursor, int limit) {
    var response =
        dynamoDb.query(
            r -> {
              r.tableName(table)
                  .indexName(BY_RECENT)
                  .keyConditionExpression("userId = :u")
                  .expressionAttributeValues(Map.of(":u", AttributeValue.fromS(userId)))
                  .scanIndexForward(false)
                  .limit(limit);
              if (cursor != null) {
                r.exclusiveStartKey(startKey(userId, cursor));
              }
            });
    List<WatchProgress> items =
        response.items().stream().map(DynamoWatchProgressStore::progress).toList();
    Map<String, AttributeValue> last = response.lastEvaluatedKey();
    String next =
        last == null || last.isEmpty()
            ? null
            : encode(last.get("videoId").s() + "\n" + last.get("updatedAt").s());
    return new Page(items, next);
  }

  /**
   * The cursor names only the last item's video and time; the user always comes from the session,
   * so a cursor can never page through somebody else's history.
   */
  private static Map<String, AttributeValue> startKey(String userId, String cursor) {
    String decoded;
    try {
      decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw badCursor();
    }
    String[] parts = decoded.split("\n", -1);
    if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
      throw badCursor();
    }
    return Map.of(
        "userId", AttributeValue.fromS(userId),
        "videoId", AttributeValue.fromS(parts[0]),
        "updatedAt", AttributeValue.fromS(parts[1]));
  }

  private static ApiException badCursor() {
    return ApiException.validation(
        List.of(new ValidationIssue("/cursor", "is not a cursor this list handed out")));
  }

  private static String encode(String text) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  private static WatchProgress progress(Map<String, AttributeValue> item) {
    return new WatchProgress(
        item.get("videoId").s(),
        Double.parseDouble(item.get("lastPosition").n()),
        Double.parseDouble(item.get("watchedSeconds").n()),
        Double.parseDouble(item.get("percentage").n()),
        Instant.parse(item.get("updatedAt").s()));
  }

  private static Map<String, AttributeValue> key(String userId, String videoId) {
    return Map.of("userId", AttributeValue.fromS(userId), "videoId", AttributeValue.fromS(videoId));
  }

  private static AttributeValue n(double value) {
    return AttributeValue.fromN(java.math.BigDecimal.valueOf(value).toPlainString());
  }
}
