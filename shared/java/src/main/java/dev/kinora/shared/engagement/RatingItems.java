package dev.kinora.shared.engagement;

import dev.kinora.shared.model.RatingValue;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Where a user's rating of a video lives in EngagementTable: {@code pk = USER#<userId>}, {@code sk
 * = RATING#<videoId>}, attribute {@code value} like|dislike; no item means none. The engagement
 * context writes it, the videos context reads it for the watch page (docs/data-model.md).
 */
public final class RatingItems {
  /** The attribute holding the rating. */
  public static final String VALUE = "value";

  private RatingItems() {}

  public static Map<String, AttributeValue> key(String userId, String videoId) {
    return Map.of(
        "pk",
        AttributeValue.fromS("USER#" + userId),
        "sk",
        AttributeValue.fromS("RATING#" + videoId));
  }

  /** The rating an item (as GetItem answered it, possibly empty) holds. */
  public static RatingValue value(Map<String, AttributeValue> item) {
    AttributeValue value = item.get(VALUE);
    if (value == null) {
      return RatingValue.NONE;
    }
    return switch (value.s()) {
      case "like" -> RatingValue.LIKE;
      case "dislike" -> RatingValue.DISLIKE;
      default -> RatingValue.NONE;
    };
  }
}
