package dev.kinora.videos;

import dev.kinora.shared.engagement.RatingItems;
import dev.kinora.shared.model.RatingValue;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Reads a rating from EngagementTable (GetItem only; the engagement context writes it). */
final class DynamoRatings implements Ratings {
  private final DynamoDbClient dynamoDb;
  private final String table;

  DynamoRatings(DynamoDbClient dynamoDb, String table) {
    this.dynamoDb = dynamoDb;
    this.table = table;
  }

  @Override
  public RatingValue find(String userId, String videoId) {
    var response =
        dynamoDb.getItem(
            r ->
                r.tableName(table)
                    .key(RatingItems.key(userId, videoId))
                    .projectionExpression("#value")
                    .expressionAttributeNames(Map.of("#value", RatingItems.VALUE)));
    return response.hasItem() ? RatingItems.value(response.item()) : RatingValue.NONE;
  }
}
