package dev.kinora.videos;

import dev.kinora.shared.json.Json;
import dev.kinora.shared.model.VideoStatus;
import dev.kinora.shared.model.VideoUpdateRequest;
import dev.kinora.shared.model.VideoVisibility;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * VideosTable (docs/data-model.md): one item per video, key {@code id}. Reads are strongly
 * consistent: the owner reads their video right after the upload or transcode changed its status,
 * and an eventually consistent read could show the state before.
 */
public final class DynamoVideoStore implements VideoStore {
  private static final int BATCH_GET_LIMIT = 100;
  private final DynamoDbClient dynamoDb;
  private final String table;

  public DynamoVideoStore(DynamoDbClient dynamoDb, String table) {
    this.dynamoDb = dynamoDb;
    this.table = table;
  }

  @Override
  public Optional<StoredVideo> find(String videoId) {
    var response =
        dynamoDb.getItem(
            r -> r.tableName(table).key(Map.of("id", s(videoId))).consistentRead(true));
    return response.hasItem() && !response.item().isEmpty()
        ? Optional.of(video(response.item()))
        : Optional.empty();
  }

  /** BatchGetItem in chunks of 100 (its limit), retrying what DynamoDB leaves unprocessed. */
  @Override
  public List<StoredVideo> findAll(Collection<String> videoIds) {
    List<String> ids = List.copyOf(new LinkedHashSet<>(videoIds));
    List<StoredVideo> found = new ArrayList<>();
    for (int from = 0; from < ids.size(); from += BATCH_GET_LIMIT) {
      List<Map<String, AttributeValue>> keys =
          ids.subList(from, Math.min(ids.size(), from + BATCH_GET_LIMIT)).stream()
              .map(id -> Map.of("id", s(id)))
              .toList();
      Map<String, KeysAndAttributes> request =
          Map.of(table, KeysAndAttributes.builder().keys(keys).build());
      while (!request.isEmpty()) {
        Map<String, KeysAndAttributes> pending = request;
        var response = dynamoDb.batchGetItem(r -> r.requestItems(pending));
        response.responses().getOrDefault(table, List.of()).stream()
            .map(DynamoVideoStore::video)
            .forEach(found::add);
        request = response.unprocessedKeys();
      }
    }
    return found;
  }

  /**
   * One {@code UpdateItem} with {@code ownerId = :caller}: ownership is checked by the write
   * itself, so a change of owner between the read and the write cannot slip through.
   */
  @Override
  public Optional<StoredVideo> update(
      String videoId, String ownerId, VideoUpdateRequest changes, Instant now) {
    List<String> set = new ArrayList<>();
    Map<String, String> names = new HashMap<>();
    Map<String, AttributeValue> values = new HashMap<>();
    set(set, names, values, "title", changes.title() == null ? null : s(changes.title()));
    set(
        set,
        names,
        values,
        "description",
        changes.description() == null ? null : s(changes.description()));
    set(set, names, values, "tags", changes.tags() == null ? null : list(changes.tags()));
    set(
        set,
        names,
        values,
        "categories",
        changes.categories() == null ? null : list(changes.categories()));
    set(
        set,
        names,
        values,
        "visibility",
        changes.visibility() == null
            ? null
            : s(Json.mapper().convertValue(changes.visibility(), String.class)));
    set(set, names, values, "updatedAt", s(now.toString()));
    names.put("#ownerId", "ownerId");
    values.put(":caller", s(ownerId));
    try {
      var response =
          dynamoDb.updateItem(
              r ->
                  r.tableName(table)
                      .key(Map.of("id", s(videoId)))
                      .updateExpression("SET " + String.join(", ", set))
                      .conditionExpression("attribute_exists(id) AND #ownerId = :caller")
                      .expressionAttributeNames(names)
                      .expressionAttributeValues(values)
                      .returnValues(ReturnValue.ALL_NEW));
      return Optional.of(video(response.attributes()));
    } catch (ConditionalCheckFailedException e) {
      return Optional.empty();
    }
  }

  @Override
  public boolean delete(String videoId, String ownerId) {
    try {
      dynamoDb.deleteItem(
          r ->
              r.tableName(table)
                  .key(Map.of("id", s(videoId)))
                  .conditionExpression("attribute_exists(id) AND ownerId = :caller")
                  .expressionAttributeValues(Map.of(":caller", s(ownerId))));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  private static void set(
      List<String> set,
      Map<String, String> names,
      Map<String, AttributeValue> values,
      String attribute,
      AttributeValue value) {
    if (value != null) {
      set.add("#" + attribute + " = :" + attribute);
      names.put("#" + attribute, attribute);
      values.put(":" + attribute, value);
    }
  }

  private static AttributeValue list(List<String> items) {
    return AttributeValue.fromL(items.stream().map(AttributeValue::fromS).toList());
  }

  static StoredVideo video(Map<String, AttributeValue> item) {
    return new StoredVideo(
        item.get("id").s(),
        item.get("ownerId").s(),
        item.get("channelId").s(),
        item.get("title").s(),
        Optional.ofNullable(text(item, "description")).orElse(""),
        strings(item, "tags"),
        strings(item, "categories"),
        enumValue(VideoVisibility.class, item.get("visibility").s()),
        enumValue(VideoStatus.class, item.get("status").s()),
        text(item, "failureReason"),
        text(item, "uploadId"),
        text(item, "sourceKey"),
        number(item, "durationSeconds").map(Double::parseDouble).orElse(null),
        number(item, "width").map(Integer::parseInt).orElse(null),
        number(item, "height").map(Integer::parseInt).orElse(null),
        strings(item, "resolutions"),
        // Written by transcode while only the first rung is up; absent = nothing played early.
        item.containsKey("playableResolutions") ? strings(item, "playableResolutions") : null,
        text(item, "thumbnailUrl"),
        text(item, "playlistUrl"),
        text(item, "storyboardUrl"),
        counter(item, "viewCount"),
        counter(item, "likeCount"),
        counter(item, "dislikeCount"),
        counter(item, "commentCount"),
        Instant.parse(item.get("createdAt").s()),
        instant(item, "updatedAt"),
        instant(item, "publishedAt"));
  }

  /** The table stores the contract's lower-case values; the enums map them through Jackson. */
  private static <E extends Enum<E>> E enumValue(Class<E> type, String value) {
    return Json.mapper().convertValue(value, type);
  }

  private static String text(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null || value.s() == null ? null : value.s();
  }

  private static Optional<String> number(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null || value.n() == null ? Optional.empty() : Optional.of(value.n());
  }

  /** Counters are only ever ADDed to, so a video nobody has viewed yet has no attribute. */
  private static long counter(Map<String, AttributeValue> item, String name) {
    return number(item, name).map(Long::parseLong).orElse(0L);
  }

  private static Instant instant(Map<String, AttributeValue> item, String name) {
    String value = text(item, name);
    return value == null ? null : Instant.parse(value);
  }

  private static List<String> strings(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null || !value.hasL()
        ? List.of()
        : value.l().stream().map(AttributeValue::s).toList();
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }
}
