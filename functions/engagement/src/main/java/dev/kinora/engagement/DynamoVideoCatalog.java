package dev.kinora.engagement;

import dev.kinora.shared.listing.VideoCards;
import dev.kinora.shared.model.VideoCard;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * VideosTable rows as cards (shared {@link VideoCards}: public + ready only, with their channels):
 * by id with a consistent BatchGetItem (the fan-out checks a video the stream just reported), or a
 * channel's newest through the index ByChannel ({@code channelId}, {@code createdAt}).
 */
public final class DynamoVideoCatalog implements VideoCatalog {
  static final String BY_CHANNEL = "ByChannel";
  private static final int BATCH = 100;

  private final DynamoDbClient dynamoDb;
  private final String table;
  private final VideoCards cards;

  public DynamoVideoCatalog(DynamoDbClient dynamoDb, String table, String accountsTable) {
    this.dynamoDb = dynamoDb;
    this.table = table;
    this.cards = new VideoCards(dynamoDb, table, accountsTable);
  }

  @Override
  public List<VideoCard> cards(List<String> videoIds) {
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
    return cards.fromItems(ids.stream().map(rows::get).filter(Objects::nonNull).toList());
  }

  @Override
  public List<VideoCard> newest(String channelId, Position before, int limit) {
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
    return cards.fromItems(found.size() > limit ? found.subList(0, limit) : found);
  }

  static Position position(Map<String, AttributeValue> item) {
    return new Position(Instant.parse(item.get("createdAt").s()), item.get("id").s());
  }
}
