package dev.kinora.videos;

import dev.kinora.shared.json.Json;
import dev.kinora.shared.listing.VideoItems;
import dev.kinora.shared.model.Video;
import dev.kinora.shared.model.VideoUpdateRequest;
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
  public Optional<StoredVideo> replaceThumbnail(
      String videoId, String expectedUrl, String newUrl, Instant now) {
    try {
      var response =
          dynamoDb.updateItem(
              r ->
                  r.tableName(table)
                      .key(Map.of("id", s(videoId)))
                      .updateExpression("SET thumbnailUrl = :new, updatedAt = :now")
                      .conditionExpression("thumbnailUrl = :expected")
                      .expressionAttributeValues(
                          Map.of(
                              ":new", s(newUrl),
                              ":now", s(now.toString()),
                              ":expected", s(expectedUrl)))
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
    Video api = VideoItems.toVideo(item);
    return new StoredVideo(
        api.id(),
        item.get("ownerId").s(),
        api.channelId(),
        api.title(),
        api.description(),
        api.tags(),
        api.categories(),
        api.visibility(),
        api.status(),
        api.failureReason(),
        VideoItems.text(item, "uploadId"),
        VideoItems.text(item, "sourceKey"),
        api.durationSeconds(),
        VideoItems.number(item, "width").map(Integer::parseInt).orElse(null),
        VideoItems.number(item, "height").map(Integer::parseInt).orElse(null),
        api.resolutions(),
        api.playableResolutions(),
        api.thumbnailUrl(),
        api.playlistUrl(),
        api.storyboardUrl(),
        api.viewCount(),
        api.likeCount(),
        api.dislikeCount(),
        api.commentCount(),
        api.createdAt(),
        VideoItems.instant(item, "updatedAt"),
        api.publishedAt());
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }
}
