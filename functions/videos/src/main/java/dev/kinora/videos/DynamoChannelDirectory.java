package dev.kinora.videos;

import dev.kinora.shared.model.ChannelSummary;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Channels from AccountsTable ({@code CHANNEL#<id>}, docs/data-model.md), read-only: the accounts
 * context writes them. An eventually consistent read: a renamed channel may show its old name for a
 * moment, which the watch page can live with.
 */
public final class DynamoChannelDirectory implements ChannelDirectory {
  private final DynamoDbClient dynamoDb;
  private final String table;

  public DynamoChannelDirectory(DynamoDbClient dynamoDb, String table) {
    this.dynamoDb = dynamoDb;
    this.table = table;
  }

  @Override
  public Optional<ChannelSummary> find(String channelId) {
    String key = "CHANNEL#" + channelId;
    var item =
        dynamoDb
            .getItem(
                r ->
                    r.tableName(table)
                        .key(
                            Map.of(
                                "pk",
                                AttributeValue.fromS(key),
                                "sk",
                                AttributeValue.fromS("CHANNEL")))
                        .projectionExpression("id, handle, #name, avatarUrl, subscriberCount")
                        .expressionAttributeNames(Map.of("#name", "name")))
            .item();
    if (item == null || item.isEmpty()) {
      return Optional.empty();
    }
    AttributeValue avatar = item.get("avatarUrl");
    AttributeValue subscribers = item.get("subscriberCount");
    return Optional.of(
        new ChannelSummary(
            item.get("id").s(),
            item.get("handle").s(),
            item.get("name").s(),
            avatar == null ? null : avatar.s(),
            subscribers == null || subscribers.n() == null ? 0 : Long.parseLong(subscribers.n())));
  }
}
