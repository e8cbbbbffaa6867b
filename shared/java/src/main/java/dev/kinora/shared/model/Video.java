package dev.kinora.shared.model;

import java.time.Instant;
import java.util.List;

/**
 * A video as the API returns it (schema {@code Video}). {@code failureReason}, {@code
 * durationSeconds}, {@code playableResolutions} (only while the first rung plays before the rest is
 * done), {@code thumbnailUrl}, {@code playlistUrl}, {@code storyboardUrl} and {@code publishedAt}
 * are null until known.
 */
public record Video(
    String id,
    String channelId,
    String title,
    String description,
    List<String> tags,
    List<String> categories,
    VideoVisibility visibility,
    VideoStatus status,
    String failureReason,
    Double durationSeconds,
    List<String> resolutions,
    List<String> playableResolutions,
    String thumbnailUrl,
    String playlistUrl,
    String storyboardUrl,
    long viewCount,
    long likeCount,
    long dislikeCount,
    long commentCount,
    Instant publishedAt,
    Instant createdAt) {

  public Video {
    tags = List.copyOf(tags);
    categories = List.copyOf(categories);
    resolutions = List.copyOf(resolutions);
    playableResolutions = playableResolutions == null ? null : List.copyOf(playableResolutions);
  }
}
