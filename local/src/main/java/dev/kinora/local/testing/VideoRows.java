package dev.kinora.local.testing;

import dev.kinora.local.LocalCloud;
import dev.kinora.shared.media.PosterKeys;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * VideosTable rows written the way uploads and transcode leave them, for tests that need videos in
 * a given state without sending media through the pipeline: {@code VideoRows.ready(cloud,
 * owner).title("Trending now").tags("music").put()}. Defaults: public, ready, 100 s, 720p + 360p,
 * no views, created 2026-11-25T12:00Z.
 */
public final class VideoRows {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final LocalCloud cloud;
  private final Map<String, AttributeValue> item = new HashMap<>();

  private VideoRows(LocalCloud cloud, String ownerId, String channelId) {
    this.cloud = cloud;
    String id = newVideoId();
    item.put("id", s(id));
    item.put("ownerId", s(ownerId));
    item.put("channelId", s(channelId));
    item.put("title", s("Lathe basics"));
    item.put("description", s("Turning a bowl."));
    item.put("uploadId", s("upload-" + id));
    item.put("sourceKey", s("raw/" + id + "/source"));
    item.put("resolutions", strings(List.of("720p", "360p")));
    item.put("thumbnailUrl", s(PosterKeys.url(id, PosterKeys.newToken())));
    item.put("playlistUrl", s("/media/" + id + "/master.m3u8"));
    item.put("storyboardUrl", s("/media/" + id + "/storyboard.jpg"));
    tags().categories().visibility("public").status("ready").durationSeconds(100);
    createdAt(Instant.parse("2026-11-25T12:00:00Z"));
  }

  /** A ready, public video of {@code owner}'s channel; change what the test is about, then put. */
  public static VideoRows ready(LocalCloud cloud, Visitor owner) {
    return new VideoRows(cloud, owner.userId(), owner.channelId());
  }

  /** The same for an owner the test wrote itself (no accounts function on its path). */
  public static VideoRows ready(LocalCloud cloud, String ownerId, String channelId) {
    return new VideoRows(cloud, ownerId, channelId);
  }

  /** A fresh random id in the shape uploads gives videos. */
  public static String newVideoId() {
    byte[] bytes = new byte[8];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  public String id() {
    return item.get("id").s();
  }

  public VideoRows title(String title) {
    item.put("title", s(title));
    return this;
  }

  public VideoRows description(String description) {
    item.put("description", s(description));
    return this;
  }

  public VideoRows tags(String... tags) {
    item.put("tags", strings(List.of(tags)));
    return this;
  }

  public VideoRows categories(String... categories) {
    item.put("categories", strings(List.of(categories)));
    return this;
  }

  /** {@code public}, {@code unlisted} or {@code private}. */
  public VideoRows visibility(String visibility) {
    item.put("visibility", s(visibility));
    return this;
  }

  /**
   * {@code uploading}, {@code processing}, {@code ready}, {@code failed} or {@code blocked}; only a
   * ready row has a publishedAt.
   */
  public VideoRows status(String status) {
    item.put("status", s(status));
    if (!"ready".equals(status)) {
      item.remove("publishedAt");
    }
    return this;
  }

  public VideoRows durationSeconds(double seconds) {
    item.put("durationSeconds", AttributeValue.fromN(Double.toString(seconds)));
    return this;
  }

  public VideoRows viewCount(long views) {
    item.put("viewCount", AttributeValue.fromN(Long.toString(views)));
    return this;
  }

  public VideoRows likeCount(long likes) {
    item.put("likeCount", AttributeValue.fromN(Long.toString(likes)));
    return this;
  }

  /** When it was uploaded; a ready row is published five minutes later. */
  public VideoRows createdAt(Instant createdAt) {
    item.put("createdAt", s(createdAt.toString()));
    item.put("updatedAt", s(createdAt.plusSeconds(300).toString()));
    if ("ready".equals(item.get("status").s())) {
      item.put("publishedAt", s(createdAt.plusSeconds(300).toString()));
    }
    return this;
  }

  /** Any other attribute of docs/data-model.md. */
  public VideoRows with(String attribute, AttributeValue value) {
    item.put(attribute, value);
    return this;
  }

  /** Writes the row; returns its id. */
  public String put() {
    Map<String, AttributeValue> row = Map.copyOf(item);
    cloud.dynamoDb().putItem(r -> r.tableName(cloud.physicalName("VideosTable")).item(row));
    return id();
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  private static AttributeValue strings(List<String> values) {
    return AttributeValue.fromL(values.stream().map(AttributeValue::fromS).toList());
  }
}
