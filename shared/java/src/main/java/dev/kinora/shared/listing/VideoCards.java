package dev.kinora.shared.listing;

import dev.kinora.shared.model.ChannelSummary;
import dev.kinora.shared.model.VideoCard;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * Turns video ids (a search hit list, a trending list) or VideosTable items (a Query on an index)
 * into the cards every listing answers, with their channels, in the order given. Anything not
 * public and ready is dropped here, whatever the caller's own index said: a video made private a
 * moment ago must not show up because a derived list lags.
 *
 * <p>Reads are BatchGetItem, eventually consistent, at most 100 keys a call; keys DynamoDB leaves
 * unprocessed (throttling) are asked for again a few times.
 */
public final class VideoCards {
  private static final int MAX_KEYS_PER_BATCH = 100;
  private static final int MAX_ATTEMPTS = 5;

  private final DynamoDbClient dynamoDb;
  private final String videosTable;
  private final String accountsTable;

  public VideoCards(DynamoDbClient dynamoDb, String videosTable, String accountsTable) {
    this.dynamoDb = dynamoDb;
    this.videosTable = videosTable;
    this.accountsTable = accountsTable;
  }

  /** Cards for these videos in this order; missing, repeated or non-listable ids are dropped. */
  public List<VideoCard> byIds(List<String> videoIds) {
    return byIds(videoIds, VideoItems::isListable);
  }

  /**
   * Cards for these videos in this order, keeping those {@code shown} lets through instead of the
   * listable ones: for a list whose viewer may also see some of their own or unlisted videos (a
   * playlist's owner). {@code shown} must apply {@code VideoAccessPolicy} itself.
   */
  public List<VideoCard> byIds(
      List<String> videoIds, Predicate<Map<String, AttributeValue>> shown) {
    List<String> distinct = List.copyOf(new LinkedHashSet<>(videoIds));
    Map<String, Map<String, AttributeValue>> items =
        batchGet(
            videosTable,
            distinct.stream().map(id -> Map.of("id", AttributeValue.fromS(id))).toList(),
            null,
            null,
            item -> item.get("id").s());
    return fromItems(distinct.stream().map(items::get).filter(Objects::nonNull).toList(), shown);
  }

  /** Cards for VideosTable items already read, in their order; non-listable items are dropped. */
  public List<VideoCard> fromItems(List<Map<String, AttributeValue>> videoItems) {
    return fromItems(videoItems, VideoItems::isListable);
  }

  private List<VideoCard> fromItems(
      List<Map<String, AttributeValue>> videoItems, Predicate<Map<String, AttributeValue>> shown) {
    List<Map<String, AttributeValue>> listable =
        videoItems.stream()
            .filter(item -> item.containsKey("status") && item.containsKey("visibility"))
            .filter(shown)
            .toList();
    List<String> channelIds =
        List.copyOf(
            new LinkedHashSet<>(listable.stream().map(item -> item.get("channelId").s()).toList()));
    Map<String, Map<String, AttributeValue>> channels =
        batchGet(
            accountsTable,
            channelIds.stream().map(ChannelItems::key).toList(),
            ChannelItems.PROJECTION,
            ChannelItems.PROJECTION_NAMES,
            item -> item.get("id").s());
    List<VideoCard> cards = new ArrayList<>(listable.size());
    for (Map<String, AttributeValue> item : listable) {
      Map<String, AttributeValue> channel = channels.get(item.get("channelId").s());
      // A video whose channel is gone (account deleted mid-listing) has nobody to show as author.
      if (channel != null) {
        ChannelSummary summary = ChannelItems.toSummary(channel);
        cards.add(new VideoCard(VideoItems.toVideo(item), summary));
      }
    }
    return cards;
  }

  private Map<String, Map<String, AttributeValue>> batchGet(
      String table,
      List<Map<String, AttributeValue>> keys,
      String projection,
      Map<String, String> projectionNames,
      Function<Map<String, AttributeValue>, String> idOf) {
    Map<String, Map<String, AttributeValue>> found = new HashMap<>();
    for (int from = 0; from < keys.size(); from += MAX_KEYS_PER_BATCH) {
      KeysAndAttributes.Builder request =
          KeysAndAttributes.builder()
              .keys(keys.subList(from, Math.min(keys.size(), from + MAX_KEYS_PER_BATCH)));
      if (projection != null) {
        request.projectionExpression(projection).expressionAttributeNames(projectionNames);
      }
      Map<String, KeysAndAttributes> pending = Map.of(table, request.build());
      for (int attempt = 1; !pending.isEmpty(); attempt++) {
        Map<String, KeysAndAttributes> asked = pending;
        var response = dynamoDb.batchGetItem(r -> r.requestItems(asked));
        response
            .responses()
            .getOrDefault(table, List.of())
            .forEach(i -> found.put(idOf.apply(i), i));
        pending = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
        if (!pending.isEmpty() && attempt == MAX_ATTEMPTS) {
          throw new IllegalStateException(
              "DynamoDB left "
                  + pending.get(table).keys().size()
                  + " keys of "
                  + table
                  + " unread");
        }
        if (!pending.isEmpty()) {
          backOff(attempt);
        }
      }
    }
    return found;
  }

  private static void backOff(int attempt) {
    try {
      Thread.sleep(25L << attempt);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while re-reading unprocessed keys", e);
    }
  }
}
