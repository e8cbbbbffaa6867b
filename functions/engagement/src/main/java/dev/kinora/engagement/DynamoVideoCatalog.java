package dev.kinora.engagement;

import dev.kinora.shared.json.Json;
import dev.kinora.shared.model.ChannelSummary;
import dev.kinora.shared.model.Video;
import dev.kinora.shared.model.VideoStatus;
import dev.kinora.shared.model.VideoVisibility;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * VideosTable rows as cards: BatchGetItem by id, or a channel's newest through the index ByChannel
 * ({@code channelId}, {@code createdAt}), keeping only public + ready rows; the channels come from
 * {@link ChannelDirectory}.
 */
public final class DynamoVideoCatalog implements VideoCatalog {
  static final String BY_CHANNEL = "ByChannel";
  private static final int BATCH = 100;

  private final DynamoDbClient dynamoDb;
  private final String table;
  private final ChannelDirectory channels;

  public DynamoVideoCatalog(DynamoDbClient dynamoDb, String table, ChannelDirectory channels) {
    this.dynamoDb = dynamoDb;
    this.table = table;
    this.channels = channels;
  }

  @Override
  public List<Card> cards(List<String> videoIds) {
    var rows = new HashMap<String, Map<String, AttributeValue>>();
    List<String> ids = new ArrayList<>(new LinkedHashSet<>(videoIds));
    for (int from = 0; from < ids.size(); from += BATCH) {
      var keys =
          ids.subList(from, Math.min(ids.size(), from + BATCH)).stream()
              .map(id -> Map.of("id", AttributeValue.fromS(id)))
              .toList();
      Map<String, KeysAndAttributes> request =
          Map.of(table, KeysAndAttributes.builder().keys(keys).consistentRead(true).build());
      while (request != null && !request.isEmpty()) {
        Map<String, KeysAndAttributes> asked = request;
        var response = dynamoDb.batchGetItem(r -> r.requestItems(asked));
        response
            .responses()
            .getOrDefault(table, List.of())
            .forEach(item -> rows.put(item.get("id").s(), item));
        request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : null;
      }
    }
    var listable = new ArrayList<Map<String, AttributeValue>>();
    for (String id : videoIds) {
      Map<String, AttributeValue> row = rows.get(id);
      if (row != null && isListable(row)) {
        listable.add(row);
      }
    }
    return withChannels(listable);
  }

  @Override
  public List<Card> newest(String channelId, Position before, int limit) {
    var found = new ArrayList<Map<String, AttributeValue>>();
    var values = new HashMap<String, AttributeValue>();
    values.put(":c", AttributeValue.fromS(channelId));
    values.put(":public", AttributeValue.fromS("public"));
    values.put(":ready", AttributeValue.fromS("ready"));
    String condition = "channelId = :c";
    if (before != null) {
      // createdAt <= t, then the ids at exactly t that sort after the cursor are skipped below
      condition += " AND createdAt <= :t";
      values.put(":t", AttributeValue.fromS(before.createdAt().toString()));
    }
    Map<String, AttributeValue> from = null;
    do {
      var request =
          QueryRequest.builder()
              .tableName(table)
              .indexName(BY_CHANNEL)
              .keyConditionExpression(condition)
              .filterExpression("visibility = :public AND #status = :ready")
              .expressionAttributeNames(Map.of("#status", "status"))
              .expressionAttributeValues(values)
              .scanIndexForward(false)
              .limit(limit + 1)
              .exclusiveStartKey(from)
              .build();
      QueryResponse page = dynamoDb.query(request);
      for (var item : page.items()) {
        if (before == null || position(item).compareTo(before) < 0) {
          found.add(item);
        }
      }
      from = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
    } while (found.size() < limit && from != null && !from.isEmpty());
    found.sort((a, b) -> position(b).compareTo(position(a)));
    return withChannels(found.size() > limit ? found.subList(0, limit) : found);
  }

  private List<Card> withChannels(List<Map<String, AttributeValue>> rows) {
    Map<String, ChannelSummary> byId =
        channels.channels(rows.stream().map(row -> row.get("channelId").s()).toList());
    var cards = new ArrayList<Card>();
    for (var row : rows) {
      ChannelSummary channel = byId.get(row.get("channelId").s());
      if (channel != null) {
        cards.add(new Card(video(row), channel));
      }
    }
    return cards;
  }

  static Position position(Map<String, AttributeValue> item) {
    return new Position(Instant.parse(item.get("createdAt").s()), item.get("id").s());
  }

  static boolean isListable(Map<String, AttributeValue> row) {
    return "public".equals(text(row, "visibility")) && "ready".equals(text(row, "status"));
  }

  static Video video(Map<String, AttributeValue> row) {
    return new Video(
        row.get("id").s(),
        row.get("channelId").s(),
        text(row, "title"),
        text(row, "description") == null ? "" : text(row, "description"),
        strings(row, "tags"),
        strings(row, "categories"),
        Json.mapper().convertValue(text(row, "visibility"), VideoVisibility.class),
        Json.mapper().convertValue(text(row, "status"), VideoStatus.class),
        text(row, "failureReason"),
        row.containsKey("durationSeconds") ? Double.valueOf(row.get("durationSeconds").n()) : null,
        strings(row, "resolutions"),
        row.containsKey("playableResolutions") ? strings(row, "playableResolutions") : null,
        text(row, "thumbnailUrl"),
        text(row, "playlistUrl"),
        text(row, "storyboardUrl"),
        DynamoVideoDirectory.counter(row, "viewCount"),
        DynamoVideoDirectory.counter(row, "likeCount"),
        DynamoVideoDirectory.counter(row, "dislikeCount"),
        DynamoVideoDirectory.counter(row, "commentCount"),
        row.containsKey("publishedAt") ? Instant.parse(text(row, "publishedAt")) : null,
        Instant.parse(text(row, "createdAt")));
  }

  private static List<String> strings(Map<String, AttributeValue> row, String name) {
    AttributeValue value = row.get(name);
    if (value == null) {
      return List.of();
    }
    if (value.hasSs()) {
      return List.copyOf(value.ss());
    }
    return value.hasL() ? value.l().stream().map(AttributeValue::s).toList() : List.of();
  }

  private static String text(Map<String, AttributeValue> row, String name) {
    AttributeValue value = row.get(name);
    return value == null ? null : value.s();
  }
}
