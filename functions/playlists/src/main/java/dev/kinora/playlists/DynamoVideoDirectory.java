package dev.kinora.playlists;

import dev.kinora.shared.listing.ChannelItems;
import dev.kinora.shared.listing.VideoCards;
import dev.kinora.shared.listing.VideoItems;
import dev.kinora.shared.model.ChannelSummary;
import dev.kinora.shared.model.VideoCard;
import dev.kinora.shared.video.VideoAccessPolicy.VideoFacts;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/** Videos and channels, read only, through the shared listing helpers. */
final class DynamoVideoDirectory implements VideoDirectory {
  private static final int MAX_KEYS_PER_BATCH = 100;
  private static final int MAX_ATTEMPTS = 5;
  private final DynamoDbClient dynamoDb;
  private final String videosTable;
  private final String accountsTable;
  private final VideoCards cards;

  DynamoVideoDirectory(DynamoDbClient dynamoDb, String videosTable, String accountsTable) {
    this.dynamoDb = dynamoDb;
    this.videosTable = videosTable;
    this.accountsTable = accountsTable;
    this.cards = new VideoCards(dynamoDb, videosTable, accountsTable);
  }

  @Override
  public Optional<VideoFacts> facts(String videoId) {
    Map<String, AttributeValue> item =
        dynamoDb
            .getItem(
                r ->
                    r.tableName(videosTable)
                        .key(Map.of("id", AttributeValue.fromS(videoId)))
                        .consistentRead(true))
            .item();
    return item == null || item.isEmpty() || !item.containsKey("status")
        ? Optional.empty()
        : Optional.of(VideoItems.facts(item));
  }

  @Override
  public Map<String, VideoFacts> facts(Collection<String> videoIds) {
    List<String> distinct = List.copyOf(new LinkedHashSet<>(videoIds));
    var found = new HashMap<String, VideoFacts>();
    for (int from = 0; from < distinct.size(); from += MAX_KEYS_PER_BATCH) {
      List<Map<String, AttributeValue>> keys =
          distinct.subList(from, Math.min(distinct.size(), from + MAX_KEYS_PER_BATCH)).stream()
              .map(id -> Map.of("id", AttributeValue.fromS(id)))
              .toList();
      Map<String, KeysAndAttributes> pending =
          Map.of(
              videosTable,
              KeysAndAttributes.builder()
                  .keys(keys)
                  .projectionExpression("id, ownerId, visibility, #status")
                  .expressionAttributeNames(Map.of("#status", "status"))
                  .build());
      for (int attempt = 1; !pending.isEmpty(); attempt++) {
        Map<String, KeysAndAttributes> asked = pending;
        var response = dynamoDb.batchGetItem(r -> r.requestItems(asked));
        for (Map<String, AttributeValue> item :
            response.responses().getOrDefault(videosTable, List.of())) {
          if (item.containsKey("status") && item.containsKey("visibility")) {
            found.put(item.get("id").s(), VideoItems.facts(item));
          }
        }
        pending = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
        if (!pending.isEmpty() && attempt >= MAX_ATTEMPTS) {
          throw new IllegalStateException("DynamoDB left videos unread");
        }
      }
    }
    return found;
  }

  @Override
  public Map<String, VideoCard> cards(List<String> videoIds, Predicate<VideoFacts> shown) {
    var byId = new LinkedHashMap<String, VideoCard>();
    for (VideoCard card : cards.byIds(videoIds, item -> shown.test(VideoItems.facts(item)))) {
      byId.put(card.video().id(), card);
    }
    return byId;
  }

  /**
   * As accounts resolves {@code /channels/{idOrHandle}}: {@code GetItem CHANNEL#<id>} unless the
   * value starts with {@code @}, then (or when no channel has that id) {@code GetItem
   * HANDLE#<handle>}.
   */
  @Override
  public Optional<String> channelId(String idOrHandle) {
    boolean handleOnly = idOrHandle.startsWith("@");
    String value = handleOnly ? idOrHandle.substring(1) : idOrHandle;
    if (value.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> byId =
        handleOnly ? Optional.empty() : accountAttribute("CHANNEL#" + value, "CHANNEL", "id");
    return byId.or(
        () -> accountAttribute("HANDLE#" + value.toLowerCase(Locale.ROOT), "HANDLE", "channelId"));
  }

  private Optional<String> accountAttribute(String pk, String sk, String name) {
    var response =
        dynamoDb.getItem(
            r ->
                r.tableName(accountsTable)
                    .key(Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk)))
                    .projectionExpression(name));
    if (!response.hasItem() || response.item().get(name) == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(response.item().get(name).s());
  }

  @Override
  public Optional<ChannelSummary> channel(String channelId) {
    Map<String, AttributeValue> item =
        dynamoDb
            .getItem(
                r ->
                    r.tableName(accountsTable)
                        .key(ChannelItems.key(channelId))
                        .projectionExpression(ChannelItems.PROJECTION)
                        .expressionAttributeNames(ChannelItems.PROJECTION_NAMES))
            .item();
    return item == null || item.isEmpty()
        ? Optional.empty()
        : Optional.of(ChannelItems.toSummary(item));
  }
}
