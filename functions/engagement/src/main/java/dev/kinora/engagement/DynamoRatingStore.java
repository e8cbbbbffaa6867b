package dev.kinora.engagement;

import dev.kinora.shared.engagement.RatingItems;
import dev.kinora.shared.json.Json;
import dev.kinora.shared.model.RatingValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;

/**
 * Ratings in EngagementTable ({@code pk = USER#<userId>}, {@code sk = RATING#<videoId>}, attribute
 * {@code value} like|dislike; no item = none) and the counters on the VideosTable row. One
 * TransactWriteItems per change: the rating item's write is conditioned on the previous value, the
 * counters' ADD on the video existing and being ready.
 */
public final class DynamoRatingStore implements RatingStore {
  private static final int RATING = 0;
  private static final int VIDEO = 1;

  private final DynamoDbClient dynamoDb;
  private final String engagementTable;
  private final String videosTable;

  public DynamoRatingStore(DynamoDbClient dynamoDb, String engagementTable, String videosTable) {
    this.dynamoDb = dynamoDb;
    this.engagementTable = engagementTable;
    this.videosTable = videosTable;
  }

  static Map<String, AttributeValue> key(String userId, String videoId) {
    return RatingItems.key(userId, videoId);
  }

  @Override
  public RatingValue find(String userId, String videoId) {
    var response =
        dynamoDb.getItem(
            r ->
                r.tableName(engagementTable)
                    .key(key(userId, videoId))
                    .consistentRead(true)
                    .projectionExpression("#value")
                    .expressionAttributeNames(Map.of("#value", "value")));
    return response.hasItem() ? RatingItems.value(response.item()) : RatingValue.NONE;
  }

  @Override
  public Outcome apply(String userId, String videoId, RatingChange change, Instant at) {
    var items = new ArrayList<TransactWriteItem>();
    items.add(ratingWrite(userId, videoId, change, at));
    items.add(counterUpdate(videoId, change));
    try {
      dynamoDb.transactWriteItems(r -> r.transactItems(items));
      return Outcome.APPLIED;
    } catch (TransactionCanceledException e) {
      List<CancellationReason> reasons = e.cancellationReasons();
      return reasons.size() > VIDEO && "ConditionalCheckFailed".equals(reasons.get(VIDEO).code())
          ? Outcome.VIDEO_UNAVAILABLE
          : Outcome.STALE; // the rating moved on (RATING failed) or TransactionConflict
    } catch (TransactionConflictException e) {
      return Outcome.STALE;
    }
  }

  private TransactWriteItem ratingWrite(
      String userId, String videoId, RatingChange change, Instant at) {
    var values = new HashMap<String, AttributeValue>();
    String condition;
    if (change.previous() == RatingValue.NONE) {
      condition = "attribute_not_exists(pk)";
    } else {
      condition = "#value = :previous";
      values.put(":previous", s(text(change.previous())));
    }
    Map<String, String> names = condition.contains("#value") ? Map.of("#value", "value") : Map.of();
    if (change.next() == RatingValue.NONE) {
      return TransactWriteItem.builder()
          .delete(
              d ->
                  d.tableName(engagementTable)
                      .key(key(userId, videoId))
                      .conditionExpression(condition)
                      .expressionAttributeNames(names.isEmpty() ? null : names)
                      .expressionAttributeValues(values.isEmpty() ? null : values))
          .build();
    }
    var item = new HashMap<>(key(userId, videoId));
    item.put("value", s(text(change.next())));
    item.put("userId", s(userId));
    item.put("videoId", s(videoId));
    item.put("updatedAt", s(at.toString()));
    return TransactWriteItem.builder()
        .put(
            p ->
                p.tableName(engagementTable)
                    .item(item)
                    .conditionExpression(condition)
                    .expressionAttributeNames(names.isEmpty() ? null : names)
                    .expressionAttributeValues(values.isEmpty() ? null : values))
        .build();
  }

  private TransactWriteItem counterUpdate(String videoId, RatingChange change) {
    var adds = new ArrayList<String>();
    var values = new HashMap<String, AttributeValue>();
    values.put(":ready", s("ready"));
    if (change.likeDelta() != 0) {
      adds.add("likeCount :likes");
      values.put(":likes", AttributeValue.fromN(Long.toString(change.likeDelta())));
    }
    if (change.dislikeDelta() != 0) {
      adds.add("dislikeCount :dislikes");
      values.put(":dislikes", AttributeValue.fromN(Long.toString(change.dislikeDelta())));
    }
    return TransactWriteItem.builder()
        .update(
            u ->
                u.tableName(videosTable)
                    .key(Map.of("id", s(videoId)))
                    .updateExpression("ADD " + String.join(", ", adds))
                    .conditionExpression("attribute_exists(id) AND #status = :ready")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(values))
        .build();
  }

  private static String text(RatingValue value) {
    return Json.mapper().convertValue(value, String.class);
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }
}
