package dev.kinora.videos;

import dev.kinora.shared.json.Json;
import dev.kinora.shared.model.VideoStatus;
import dev.kinora.shared.model.VideoVisibility;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * VideosTable (docs/data-model.md): one item per video, key {@code id}. Reads are strongly
 * consistent: the owner reads their video right after the upload or transcode changed its status,
 * and an eventually consistent read could show the state before.
 */
public final class DynamoVideoStore implements VideoStore {
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
