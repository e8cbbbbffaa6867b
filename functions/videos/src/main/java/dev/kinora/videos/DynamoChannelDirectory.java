package dev.kinora.videos;

import dev.kinora.shared.listing.ChannelItems;
import dev.kinora.shared.model.ChannelSummary;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

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
    var item =
        dynamoDb
            .getItem(
                r ->
                    r.tableName(table)
                        .key(ChannelItems.key(channelId))
                        .projectionExpression(ChannelItems.PROJECTION)
                        .expressionAttributeNames(ChannelItems.PROJECTION_NAMES))
            .item();
    return item == null || item.isEmpty()
        ? Optional.empty()
        : Optional.of(ChannelItems.toSummary(item));
  }
}
