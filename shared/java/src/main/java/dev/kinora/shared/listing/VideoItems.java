package dev.kinora.shared.listing;

import dev.kinora.shared.json.Json;
import dev.kinora.shared.model.Video;
import dev.kinora.shared.model.VideoStatus;
import dev.kinora.shared.model.VideoVisibility;
import dev.kinora.shared.video.VideoAccessPolicy;
import dev.kinora.shared.video.VideoAccessPolicy.VideoFacts;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads VideosTable items (docs/data-model.md) for every context that lists or shows videos, so the
 * attribute names and their "absent means…" rules live in one place.
 */
public final class VideoItems {
  private VideoItems() {}

  /** The contract's {@code Video} of one VideosTable item. */
  public static Video toVideo(Map<String, AttributeValue> item) {
    return new Video(
        item.get("id").s(),
        item.get("channelId").s(),
        item.get("title").s(),
        Optional.ofNullable(text(item, "description")).orElse(""),
        strings(item, "tags"),
        strings(item, "categories"),
        visibility(item),
        status(item),
        text(item, "failureReason"),
        number(item, "durationSeconds").map(Double::parseDouble).orElse(null),
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
        instant(item, "publishedAt"),
        Instant.parse(item.get("createdAt").s()));
  }

  /** What the viewing rules read of an item. */
  public static VideoFacts facts(Map<String, AttributeValue> item) {
    return new VideoFacts(text(item, "ownerId"), visibility(item), status(item));
  }

  /** Whether the item may appear in a listing: public and ready, nothing else ever. */
  public static boolean isListable(Map<String, AttributeValue> item) {
    return item != null
        && item.containsKey("id")
        && item.containsKey("visibility")
        && item.containsKey("status")
        && VideoAccessPolicy.isListable(facts(item));
  }

  public static VideoVisibility visibility(Map<String, AttributeValue> item) {
    return enumValue(VideoVisibility.class, item.get("visibility").s());
  }

  public static VideoStatus status(Map<String, AttributeValue> item) {
    return enumValue(VideoStatus.class, item.get("status").s());
  }

  /** The table stores the contract's lower-case values; the enums map them through Jackson. */
  private static <E extends Enum<E>> E enumValue(Class<E> type, String value) {
    return Json.mapper().convertValue(value, type);
  }

  public static String text(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null || value.s() == null ? null : value.s();
  }

  public static Optional<String> number(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null || value.n() == null ? Optional.empty() : Optional.of(value.n());
  }

  /** Counters are only ever ADDed to, so a video nobody has viewed yet has no attribute. */
  public static long counter(Map<String, AttributeValue> item, String name) {
    return number(item, name).map(Long::parseLong).orElse(0L);
  }

  public static Instant instant(Map<String, AttributeValue> item, String name) {
    String value = text(item, name);
    return value == null ? null : Instant.parse(value);
  }

  public static List<String> strings(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null || !value.hasL()
        ? List.of()
        : value.l().stream().map(AttributeValue::s).toList();
  }
}
