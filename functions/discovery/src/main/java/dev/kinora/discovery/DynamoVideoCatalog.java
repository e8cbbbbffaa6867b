package dev.kinora.discovery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * VideosTable for discovery. A channel's videos come from its GSIs only, a page at a time:
 *
 * <ul>
 *   <li>latest: {@code Query ByChannel channelId = :c}, newest first;
 *   <li>popular: {@code Query ByChannelPopular channelId = :c}, most viewed first (sparse: only
 *       videos with a view), then the never-viewed ones from {@code ByChannel} (filter {@code
 *       attribute_not_exists(viewCount)}), newest first. The cursor names the phase.
 * </ul>
 *
 * Both filter on {@code visibility = public AND status = ready}; DynamoDB's {@code Limit} counts
 * items before the filter, so a page keeps querying until it is full, at most {@code
 * discovery.channelVideos.maxReadsPerPage} queries (a channel of mostly private videos then answers
 * a shorter page with a cursor rather than reading on). The cursor is the key of the page's last
 * video, so the next page starts right after it.
 */
final class DynamoVideoCatalog implements VideoCatalog {
  private static final String BY_CHANNEL = "ByChannel";
  private static final String BY_CHANNEL_POPULAR = "ByChannelPopular";
  private static final int MAX_QUERY_LIMIT = 100;

  /** One ordered source of a channel's videos. */
  private enum Phase {
    LATEST(BY_CHANNEL, "createdAt", false),
    VIEWED(BY_CHANNEL_POPULAR, "viewCount", false),
    UNVIEWED(BY_CHANNEL, "createdAt", true);

    final String index;
    final String rangeKey;
    final boolean onlyUnviewed;

    Phase(String index, String rangeKey, boolean onlyUnviewed) {
      this.index = index;
      this.rangeKey = rangeKey;
      this.onlyUnviewed = onlyUnviewed;
    }
  }

  private final DynamoDbClient dynamoDb;
  private final String table;
  private final int maxReadsPerPage;

  DynamoVideoCatalog(DynamoDbClient dynamoDb, String table, int maxReadsPerPage) {
    this.dynamoDb = dynamoDb;
    this.table = table;
    this.maxReadsPerPage = maxReadsPerPage;
  }

  @Override
  public Optional<Map<String, AttributeValue>> video(String videoId) {
    var response =
        dynamoDb.getItem(r -> r.tableName(table).key(Map.of("id", AttributeValue.fromS(videoId))));
    return response.hasItem() && !response.item().isEmpty()
        ? Optional.of(response.item())
        : Optional.empty();
  }

  @Override
  public List<Map<String, AttributeValue>> videos(Collection<String> videoIds) {
    List<Map<String, AttributeValue>> keys =
        new LinkedHashSet<>(videoIds)
            .stream()
                .map(id -> Map.of("id", AttributeValue.fromS(id)))
                .<Map<String, AttributeValue>>map(key -> key)
                .toList();
    return DynamoBatchGet.items(dynamoDb, table, keys, null, null);
  }

  @Override
  public ChannelPage channelVideos(String channelId, ChannelSort sort, JsonNode after, int limit) {
    List<Phase> phases =
        sort == ChannelSort.LATEST ? List.of(Phase.LATEST) : List.of(Phase.VIEWED, Phase.UNVIEWED);
    int first = 0;
    Map<String, AttributeValue> startKey = null;
    if (after != null) {
      Phase phase = phase(after.path("p").asText(""));
      first = phases.indexOf(phase);
      if (first < 0) {
        throw Cursor.invalid();
      }
      startKey = key(after.path("k"), phase, channelId);
    }
    var items = new ArrayList<Map<String, AttributeValue>>();
    var itemPhases = new ArrayList<Phase>();
    int reads = 0;
    for (int p = first; p < phases.size(); p++) {
      Phase phase = phases.get(p);
      Map<String, AttributeValue> from = p == first ? startKey : null;
      while (true) {
        if (reads >= maxReadsPerPage) {
          // a short page: continue where the last read stopped
          return new ChannelPage(items, position(phase, from));
        }
        QueryResponse response = query(phase, channelId, from, limit + 1 - items.size());
        reads++;
        for (Map<String, AttributeValue> item : response.items()) {
          items.add(item);
          itemPhases.add(phase);
          if (items.size() > limit) {
            items.removeLast();
            itemPhases.removeLast();
            Phase lastPhase = itemPhases.getLast();
            return new ChannelPage(items, position(lastPhase, keyOf(items.getLast(), lastPhase)));
          }
        }
        if (!response.hasLastEvaluatedKey() || response.lastEvaluatedKey().isEmpty()) {
          break;
        }
        from = response.lastEvaluatedKey();
      }
    }
    return new ChannelPage(items, null);
  }

  private QueryResponse query(
      Phase phase, String channelId, Map<String, AttributeValue> from, int wanted) {
    var values = new HashMap<String, AttributeValue>();
    values.put(":c", AttributeValue.fromS(channelId));
    values.put(":public", AttributeValue.fromS("public"));
    values.put(":ready", AttributeValue.fromS("ready"));
    String filter =
        "visibility = :public AND #status = :ready"
            + (phase.onlyUnviewed ? " AND attribute_not_exists(viewCount)" : "");
    return dynamoDb.query(
        r ->
            r.tableName(table)
                .indexName(phase.index)
                .keyConditionExpression("channelId = :c")
                .filterExpression(filter)
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(values)
                .scanIndexForward(false)
                // read a little ahead: the filter drops what is not listed
                .limit(Math.min(MAX_QUERY_LIMIT, Math.max(2 * wanted, 10)))
                .exclusiveStartKey(from));
  }

  private static Map<String, AttributeValue> keyOf(Map<String, AttributeValue> item, Phase phase) {
    return Map.of(
        "id",
        item.get("id"),
        "channelId",
        item.get("channelId"),
        phase.rangeKey,
        item.get(phase.rangeKey));
  }

  private static ObjectNode position(Phase phase, Map<String, AttributeValue> key) {
    ObjectNode position = Cursor.position();
    position.put("p", phase.name().toLowerCase(java.util.Locale.ROOT));
    ObjectNode k = position.putObject("k");
    if (key != null) {
      k.put("id", key.get("id").s());
      k.put("channelId", key.get("channelId").s());
      AttributeValue range = key.get(phase.rangeKey);
      k.put(phase.rangeKey, range.s() != null ? range.s() : range.n());
    }
    return position;
  }

  private static Phase phase(String name) {
    for (Phase phase : Phase.values()) {
      if (phase.name().toLowerCase(java.util.Locale.ROOT).equals(name)) {
        return phase;
      }
    }
    throw Cursor.invalid();
  }

  /** A cursor's key, checked: it belongs to this channel and has the index's attributes. */
  private static Map<String, AttributeValue> key(JsonNode k, Phase phase, String channelId) {
    if (k.isObject() && k.isEmpty()) {
      return null; // a short page's cursor before the first read: start of the phase
    }
    String id = k.path("id").asText("");
    String range = k.path(phase.rangeKey).asText("");
    if (id.isEmpty() || range.isEmpty() || !channelId.equals(k.path("channelId").asText())) {
      throw Cursor.invalid();
    }
    AttributeValue rangeValue;
    if (phase.rangeKey.equals("viewCount")) {
      try {
        rangeValue = AttributeValue.fromN(Long.toString(Long.parseLong(range)));
      } catch (NumberFormatException e) {
        throw Cursor.invalid();
      }
    } else {
      rangeValue = AttributeValue.fromS(range);
    }
    return Map.of(
        "id",
        AttributeValue.fromS(id),
        "channelId",
        AttributeValue.fromS(channelId),
        phase.rangeKey,
        rangeValue);
  }
}
