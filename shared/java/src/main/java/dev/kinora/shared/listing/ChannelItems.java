package dev.kinora.shared.listing;

import dev.kinora.shared.model.ChannelSummary;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Channels in AccountsTable ({@code pk=CHANNEL#<id>, sk=CHANNEL}, docs/data-model.md), read-only
 * outside accounts: the key and the attributes a {@link ChannelSummary} needs.
 */
public final class ChannelItems {
  /** What a summary reads; {@code name} is a reserved word, hence the placeholder. */
  public static final String PROJECTION = "id, handle, #name, avatarUrl, subscriberCount";

  public static final Map<String, String> PROJECTION_NAMES = Map.of("#name", "name");

  private ChannelItems() {}

  public static Map<String, AttributeValue> key(String channelId) {
    return Map.of(
        "pk", AttributeValue.fromS("CHANNEL#" + channelId), "sk", AttributeValue.fromS("CHANNEL"));
  }

  public static ChannelSummary toSummary(Map<String, AttributeValue> item) {
    return new ChannelSummary(
        item.get("id").s(),
        item.get("handle").s(),
        item.get("name").s(),
        VideoItems.text(item, "avatarUrl"),
        VideoItems.counter(item, "subscriberCount"));
  }
}
