package dev.kinora.engagement;

import dev.kinora.shared.listing.ChannelItems;
import dev.kinora.shared.model.ChannelSummary;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/** AccountsTable channel rows, GetItem and BatchGetItem only (IAM: leading keys CHANNEL#*). */
public final class DynamoChannelDirectory implements ChannelDirectory {
  private static final String PROJECTION = ChannelItems.PROJECTION;
  private static final Map<String, String> NAMES = ChannelItems.PROJECTION_NAMES;
  private static final int BATCH = 100;

  private final DynamoDbClient dynamoDb;
  private final String table;

  public DynamoChannelDirectory(DynamoDbClient dynamoDb, String table) {
    this.dynamoDb = dynamoDb;
    this.table = table;
  }

  @Override
  public Optional<ChannelSummary> channel(String channelId) {
    var response =
        dynamoDb.getItem(
            r ->
                r.tableName(table)
                    .key(ChannelItems.key(channelId))
                    .consistentRead(true)
                    .projectionExpression(PROJECTION)
                    .expressionAttributeNames(NAMES));
    return response.hasItem() && !response.item().isEmpty()
        ? Optional.of(summary(response.item()))
        : Optional.empty();
  }

  @Override
  public Map<String, ChannelSummary> channels(Collection<String> channelIds) {
    var found = new HashMap<String, ChannelSummary>();
    List<String> ids = new ArrayList<>(new LinkedHashSet<>(channelIds));
    for (int from = 0; from < ids.size(); from += BATCH) {
      var keys =
          ids.subList(from, Math.min(ids.size(), from + BATCH)).stream()
              .map(ChannelItems::key)
              .toList();
      Map<String, KeysAndAttributes> request =
          Map.of(
              table,
              KeysAndAttributes.builder()
                  .keys(keys)
                  .projectionExpression(PROJECTION)
                  .expressionAttributeNames(NAMES)
                  .build());
      // unprocessed keys (throttling) are asked for again until none are left
      while (request != null && !request.isEmpty()) {
        Map<String, KeysAndAttributes> asked = request;
        var response = dynamoDb.batchGetItem(r -> r.requestItems(asked));
        response
            .responses()
            .getOrDefault(table, List.of())
            .forEach(item -> found.put(item.get("id").s(), summary(item)));
        request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : null;
      }
    }
    return found;
  }

  static ChannelSummary summary(Map<String, AttributeValue> item) {
    return ChannelItems.toSummary(item);
  }
}
