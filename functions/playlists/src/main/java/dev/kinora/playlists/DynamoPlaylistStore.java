package dev.kinora.playlists;

import dev.kinora.shared.contract.ValidationIssue;
import dev.kinora.shared.http.ApiException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * PlaylistsTable (docs/data-model.md): a playlist row {@code pk=PL#<id>, sk=PLAYLIST} and one row
 * per item {@code pk=PL#<id>, sk=VIDEO#<videoId>} with its {@code position}. Items in order are a
 * Query on the local index ByPosition (consistent); a user's playlists and a channel's public ones
 * are the sparse global indexes ByOwner ({@code ownerListed}, regular playlists only) and
 * ByChannelPublic ({@code publicChannelId}, public ones only), newest first.
 */
final class DynamoPlaylistStore implements PlaylistStore {
  private static final String PLAYLIST = "PLAYLIST";
  private static final String VIDEO = "VIDEO#";
  private static final int MAX_KEYS_PER_BATCH = 100;
  private static final int MAX_WRITES_PER_BATCH = 25;

  private final DynamoDbClient dynamoDb;
  private final String table;

  DynamoPlaylistStore(DynamoDbClient dynamoDb, String table) {
    this.dynamoDb = dynamoDb;
    this.table = table;
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  private static AttributeValue n(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }

  private static String pk(String playlistId) {
    return "PL#" + playlistId;
  }

  private static Map<String, AttributeValue> playlistKey(String playlistId) {
    return Map.of("pk", s(pk(playlistId)), "sk", s(PLAYLIST));
  }

  private static Map<String, AttributeValue> itemKey(String playlistId, String videoId) {
    return Map.of("pk", s(pk(playlistId)), "sk", s(VIDEO + videoId));
  }

  @Override
  public Optional<StoredPlaylist> find(String playlistId) {
    var item =
        dynamoDb
            .getItem(r -> r.tableName(table).key(playlistKey(playlistId)).consistentRead(true))
            .item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(toPlaylist(item));
  }

  @Override
  public boolean create(StoredPlaylist playlist) {
    var item = new HashMap<>(playlistKey(playlist.id()));
    item.put("id", s(playlist.id()));
    item.put("kind", s(playlist.kind().wire()));
    item.put("ownerId", s(playlist.ownerId()));
    item.put("channelId", s(playlist.channelId()));
    item.put("title", s(playlist.title()));
    item.put("description", s(playlist.description()));
    item.put("visibility", s(playlist.visibility().wire()));
    item.put("itemCount", n(playlist.itemCount()));
    item.put("version", n(playlist.version()));
    item.put("createdAt", s(playlist.createdAt().toString()));
    item.put("updatedAt", s(playlist.updatedAt().toString()));
    if (playlist.kind() == PlaylistKind.REGULAR) {
      item.put("ownerListed", s(playlist.ownerId()));
    }
    if (playlist.visibility() == PlaylistVisibility.PUBLIC) {
      item.put("publicChannelId", s(playlist.channelId()));
    }
    try {
      dynamoDb.putItem(
          r -> r.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  @Override
  public Optional<StoredPlaylist> update(
      String playlistId,
      String title,
      String description,
      PlaylistVisibility visibility,
      Instant now) {
    var sets = new ArrayList<String>();
    var removes = new ArrayList<String>();
    var values = new HashMap<String, AttributeValue>();
    sets.add("updatedAt = :now");
    values.put(":now", s(now.toString()));
    if (title != null) {
      sets.add("title = :title");
      values.put(":title", s(title));
    }
    if (description != null) {
      sets.add("description = :description");
      values.put(":description", s(description));
    }
    if (visibility != null) {
      sets.add("visibility = :visibility");
      values.put(":visibility", s(visibility.wire()));
      // The channel's public list is a sparse index: only public playlists carry its key.
      if (visibility == PlaylistVisibility.PUBLIC) {
        sets.add("publicChannelId = channelId");
      } else {
        removes.add("publicChannelId");
      }
    }
    String expression =
        "SET "
            + String.join(", ", sets)
            + (removes.isEmpty() ? "" : " REMOVE " + String.join(", ", removes));
    try {
      var updated =
          dynamoDb.updateItem(
              r -> {
                r.tableName(table)
                    .key(playlistKey(playlistId))
                    .updateExpression(expression)
                    .conditionExpression("attribute_exists(pk)")
                    .expressionAttributeValues(values)
                    .returnValues(ReturnValue.ALL_NEW);
              });
      return Optional.of(toPlaylist(updated.attributes()));
    } catch (ConditionalCheckFailedException e) {
      return Optional.empty();
    }
  }

  @Override
  public void delete(String playlistId) {
    dynamoDb.deleteItem(r -> r.tableName(table).key(playlistKey(playlistId)));
    // Then its items, page by page; an item left behind by a crash belongs to no playlist anyone
    // can read, and a later delete of the same id finds nothing to do.
    Map<String, AttributeValue> start = null;
    do {
      Map<String, AttributeValue> from = start;
      QueryResponse page =
          dynamoDb.query(
              r -> {
                r.tableName(table)
                    .keyConditionExpression("pk = :pk AND begins_with(sk, :video)")
                    .expressionAttributeValues(Map.of(":pk", s(pk(playlistId)), ":video", s(VIDEO)))
                    .projectionExpression("pk, sk");
                if (from != null) {
                  r.exclusiveStartKey(from);
                }
              });
      List<WriteRequest> deletes =
          page.items().stream()
              .map(key -> WriteRequest.builder().deleteRequest(d -> d.key(key)).build())
              .toList();
      for (int i = 0; i < deletes.size(); i += MAX_WRITES_PER_BATCH) {
        writeAll(deletes.subList(i, Math.min(deletes.size(), i + MAX_WRITES_PER_BATCH)));
      }
      start =
          page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()
              ? page.lastEvaluatedKey()
              : null;
    } while (start != null);
  }

  private void writeAll(List<WriteRequest> batch) {
    Map<String, List<WriteRequest>> pending = Map.of(table, batch);
    for (int attempt = 1; !pending.isEmpty(); attempt++) {
      Map<String, List<WriteRequest>> asked = pending;
      var response = dynamoDb.batchWriteItem(r -> r.requestItems(asked));
      pending = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
      if (!pending.isEmpty() && attempt >= 5) {
        throw new IllegalStateException("DynamoDB left playlist items undeleted");
      }
    }
  }

  @Override
  public Page<StoredPlaylist> byOwner(String ownerId, String cursor, int limit) {
    return newestFirst("ByOwner", "ownerListed", ownerId, cursor, limit);
  }

  @Override
  public Page<StoredPlaylist> publicByChannel(String channelId, String cursor, int limit) {
    return newestFirst("ByChannelPublic", "publicChannelId", channelId, cursor, limit);
  }

  private Page<StoredPlaylist> newestFirst(
      String index, String hashName, String hashValue, String cursor, int limit) {
    Map<String, AttributeValue> start =
        cursor == null ? null : startKey(cursor, hashName, hashValue);
    QueryResponse response =
        dynamoDb.query(
            r -> {
              r.tableName(table)
                  .indexName(index)
                  .keyConditionExpression("#hash = :hash")
                  .expressionAttributeNames(Map.of("#hash", hashName))
                  .expressionAttributeValues(Map.of(":hash", s(hashValue)))
                  .scanIndexForward(false)
                  .limit(limit);
              if (start != null) {
                r.exclusiveStartKey(start);
              }
            });
    List<StoredPlaylist> playlists = response.items().stream().map(this::toPlaylist).toList();
    String next =
        response.hasLastEvaluatedKey()
                && !response.lastEvaluatedKey().isEmpty()
                && !playlists.isEmpty()
            ? cursorOf(playlists.get(playlists.size() - 1))
            : null;
    return new Page<>(playlists, next);
  }

  /** A list cursor: the last playlist's createdAt and id, base64url. */
  private static String cursorOf(StoredPlaylist last) {
    String raw = last.createdAt() + "|" + last.id();
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  private static Map<String, AttributeValue> startKey(
      String cursor, String hashName, String hashValue) {
    try {
      String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      String[] parts = raw.split("\\|", 2);
      Instant.parse(parts[0]);
      if (parts.length != 2 || !parts[1].matches("[A-Za-z0-9_-]{1,64}")) {
        throw new IllegalArgumentException("malformed");
      }
      return Map.of(
          "pk",
          s(pk(parts[1])),
          "sk",
          s(PLAYLIST),
          hashName,
          s(hashValue),
          "createdAt",
          s(parts[0]));
    } catch (RuntimeException e) {
      throw badCursor();
    }
  }

  static ApiException badCursor() {
    return ApiException.validation(
        List.of(new ValidationIssue("/cursor", "is not a cursor of this list")));
  }

  @Override
  public Set<String> holding(List<String> playlistIds, String videoId) {
    var found = new HashSet<String>();
    for (int from = 0; from < playlistIds.size(); from += MAX_KEYS_PER_BATCH) {
      List<Map<String, AttributeValue>> keys =
          playlistIds
              .subList(from, Math.min(playlistIds.size(), from + MAX_KEYS_PER_BATCH))
              .stream()
              .map(id -> itemKey(id, videoId))
              .toList();
      var pending =
          Map.of(
              table,
              software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes.builder()
                  .keys(keys)
                  .consistentRead(true)
                  .projectionExpression("pk")
                  .build());
      for (int attempt = 1; !pending.isEmpty(); attempt++) {
        var asked = pending;
        var response = dynamoDb.batchGetItem(r -> r.requestItems(asked));
        response
            .responses()
            .getOrDefault(table, List.of())
            .forEach(i -> found.add(i.get("pk").s().substring(3)));
        pending = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
        if (!pending.isEmpty() && attempt >= 5) {
          throw new IllegalStateException("DynamoDB left playlist items unread");
        }
      }
    }
    return found;
  }

  @Override
  public Optional<StoredItem> item(String playlistId, String videoId) {
    var item =
        dynamoDb
            .getItem(r -> r.tableName(table).key(itemKey(playlistId, videoId)).consistentRead(true))
            .item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(toItem(item));
  }

  @Override
  public List<String> videoIds(String playlistId) {
    var ids = new ArrayList<String>();
    Map<String, AttributeValue> start = null;
    do {
      Map<String, AttributeValue> from = start;
      QueryResponse page =
          dynamoDb.query(
              r -> {
                r.tableName(table)
                    .keyConditionExpression("pk = :pk AND begins_with(sk, :video)")
                    .expressionAttributeValues(Map.of(":pk", s(pk(playlistId)), ":video", s(VIDEO)))
                    .projectionExpression("videoId")
                    .consistentRead(true);
                if (from != null) {
                  r.exclusiveStartKey(from);
                }
              });
      page.items().forEach(item -> ids.add(item.get("videoId").s()));
      start =
          page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()
              ? page.lastEvaluatedKey()
              : null;
    } while (start != null);
    return ids;
  }

  @Override
  public Optional<StoredItem> last(String playlistId) {
    QueryResponse response =
        dynamoDb.query(
            r ->
                r.tableName(table)
                    .indexName("ByPosition")
                    .keyConditionExpression("pk = :pk")
                    .expressionAttributeValues(Map.of(":pk", s(pk(playlistId))))
                    .scanIndexForward(false)
                    .consistentRead(true)
                    .limit(1));
    return response.items().stream().findFirst().map(DynamoPlaylistStore::toItem);
  }

  @Override
  public Page<StoredItem> items(String playlistId, String after, int limit) {
    var values = new HashMap<String, AttributeValue>();
    values.put(":pk", s(pk(playlistId)));
    if (after != null) {
      values.put(":after", s(after));
    }
    QueryResponse response =
        dynamoDb.query(
            r -> {
              r.tableName(table)
                  .indexName("ByPosition")
                  .keyConditionExpression(
                      after == null ? "pk = :pk" : "pk = :pk AND #position > :after")
                  .expressionAttributeValues(values)
                  .consistentRead(true)
                  .limit(limit);
              if (after != null) {
                r.expressionAttributeNames(Map.of("#position", "position"));
              }
            });
    List<StoredItem> items = response.items().stream().map(DynamoPlaylistStore::toItem).toList();
    String next =
        response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty() && !items.isEmpty()
            ? items.get(items.size() - 1).position()
            : null;
    return new Page<>(items, next);
  }

  @Override
  public Outcome append(StoredPlaylist playlist, StoredItem item, int maxItems, Instant now) {
    var row = new HashMap<>(itemKey(playlist.id(), item.videoId()));
    row.put("videoId", s(item.videoId()));
    row.put("position", s(item.position()));
    row.put("addedAt", s(item.addedAt().toString()));
    var bump =
        TransactWriteItem.builder()
            .update(
                u ->
                    u.tableName(table)
                        .key(playlistKey(playlist.id()))
                        .updateExpression(
                            "SET itemCount = itemCount + :one, version = version + :one,"
                                + " updatedAt = :now")
                        .conditionExpression("version = :version AND itemCount < :max")
                        .expressionAttributeValues(
                            Map.of(
                                ":one", n(1),
                                ":now", s(now.toString()),
                                ":version", n(playlist.version()),
                                ":max", n(maxItems))))
            .build();
    var put =
        TransactWriteItem.builder()
            .put(p -> p.tableName(table).item(row).conditionExpression("attribute_not_exists(pk)"))
            .build();
    try {
      dynamoDb.transactWriteItems(r -> r.transactItems(bump, put));
      return Outcome.DONE;
    } catch (TransactionCanceledException e) {
      List<CancellationReason> reasons = e.cancellationReasons();
      if (failed(reasons, 1)) {
        return Outcome.UNCHANGED;
      }
      if (failed(reasons, 0)) {
        return find(playlist.id())
            .map(now2 -> now2.itemCount() >= maxItems ? Outcome.FULL : Outcome.RETRY)
            .orElse(Outcome.GONE);
      }
      return Outcome.RETRY; // a transaction conflict: someone else was writing these rows
    }
  }

  @Override
  public Outcome move(StoredPlaylist playlist, String videoId, String position, Instant now) {
    var bump =
        TransactWriteItem.builder()
            .update(
                u ->
                    u.tableName(table)
                        .key(playlistKey(playlist.id()))
                        .updateExpression("SET version = version + :one, updatedAt = :now")
                        .conditionExpression("version = :version")
                        .expressionAttributeValues(
                            Map.of(
                                ":one", n(1),
                                ":now", s(now.toString()),
                                ":version", n(playlist.version()))))
            .build();
    var set =
        TransactWriteItem.builder()
            .update(
                u ->
                    u.tableName(table)
                        .key(itemKey(playlist.id(), videoId))
                        .updateExpression("SET #position = :position")
                        .conditionExpression("attribute_exists(pk)")
                        .expressionAttributeNames(Map.of("#position", "position"))
                        .expressionAttributeValues(Map.of(":position", s(position))))
            .build();
    try {
      dynamoDb.transactWriteItems(r -> r.transactItems(bump, set));
      return Outcome.DONE;
    } catch (TransactionCanceledException e) {
      List<CancellationReason> reasons = e.cancellationReasons();
      if (failed(reasons, 0)) {
        return find(playlist.id()).isPresent() ? Outcome.RETRY : Outcome.GONE;
      }
      return Outcome.RETRY; // the item went meanwhile (the retry says so) or a conflict
    }
  }

  @Override
  public Outcome rebalance(StoredPlaylist playlist, Map<String, String> positions, Instant now) {
    if (positions.isEmpty() || positions.size() > MAX_REBALANCED) {
      throw new IllegalArgumentException("rebalancing " + positions.size() + " items");
    }
    var writes = new ArrayList<TransactWriteItem>(positions.size() + 1);
    writes.add(
        TransactWriteItem.builder()
            .update(
                u ->
                    u.tableName(table)
                        .key(playlistKey(playlist.id()))
                        .updateExpression("SET version = version + :one, updatedAt = :now")
                        .conditionExpression("version = :version")
                        .expressionAttributeValues(
                            Map.of(
                                ":one", n(1),
                                ":now", s(now.toString()),
                                ":version", n(playlist.version()))))
            .build());
    positions.forEach(
        (videoId, position) ->
            writes.add(
                TransactWriteItem.builder()
                    .update(
                        u ->
                            u.tableName(table)
                                .key(itemKey(playlist.id(), videoId))
                                .updateExpression("SET #position = :position")
                                .conditionExpression("attribute_exists(pk)")
                                .expressionAttributeNames(Map.of("#position", "position"))
                                .expressionAttributeValues(Map.of(":position", s(position))))
                    .build()));
    try {
      dynamoDb.transactWriteItems(r -> r.transactItems(writes));
      return Outcome.DONE;
    } catch (TransactionCanceledException e) {
      if (failed(e.cancellationReasons(), 0)) {
        return find(playlist.id()).isPresent() ? Outcome.RETRY : Outcome.GONE;
      }
      return Outcome
          .RETRY; // an item went meanwhile (the retry reads the order again) or a conflict
    }
  }

  @Override
  public Outcome remove(String playlistId, String videoId, Instant now) {
    var delete =
        TransactWriteItem.builder()
            .delete(
                d ->
                    d.tableName(table)
                        .key(itemKey(playlistId, videoId))
                        .conditionExpression("attribute_exists(pk)"))
            .build();
    var count =
        TransactWriteItem.builder()
            .update(
                u ->
                    u.tableName(table)
                        .key(playlistKey(playlistId))
                        .updateExpression("SET itemCount = itemCount - :one, updatedAt = :now")
                        .conditionExpression("attribute_exists(pk)")
                        .expressionAttributeValues(Map.of(":one", n(1), ":now", s(now.toString()))))
            .build();
    for (int attempt = 1; ; attempt++) {
      try {
        dynamoDb.transactWriteItems(r -> r.transactItems(delete, count));
        return Outcome.DONE;
      } catch (TransactionCanceledException e) {
        List<CancellationReason> reasons = e.cancellationReasons();
        if (failed(reasons, 1)) {
          return Outcome.GONE;
        }
        if (failed(reasons, 0)) {
          return Outcome.UNCHANGED;
        }
        if (attempt >= 10) {
          throw e;
        }
      }
    }
  }

  private static boolean failed(List<CancellationReason> reasons, int index) {
    return reasons != null
        && reasons.size() > index
        && "ConditionalCheckFailed".equals(reasons.get(index).code());
  }

  private StoredPlaylist toPlaylist(Map<String, AttributeValue> item) {
    return new StoredPlaylist(
        item.get("id").s(),
        PlaylistKind.fromWire(item.get("kind").s()),
        item.get("ownerId").s(),
        item.get("channelId").s(),
        item.get("title").s(),
        item.get("description").s(),
        PlaylistVisibility.fromWire(item.get("visibility").s()),
        Long.parseLong(item.get("itemCount").n()),
        Long.parseLong(item.get("version").n()),
        Instant.parse(item.get("createdAt").s()),
        Instant.parse(item.get("updatedAt").s()));
  }

  private static StoredItem toItem(Map<String, AttributeValue> item) {
    return new StoredItem(
        item.get("pk").s().substring(3),
        item.get("videoId").s(),
        item.get("position").s(),
        Instant.parse(item.get("addedAt").s()));
  }
}
