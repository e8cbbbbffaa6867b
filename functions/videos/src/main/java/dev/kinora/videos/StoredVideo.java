package dev.kinora.videos;

import dev.kinora.shared.model.Video;
import dev.kinora.shared.model.VideoStatus;
import dev.kinora.shared.model.VideoVisibility;
import java.time.Instant;
import java.util.List;

/**
 * One VideosTable item, every attribute of docs/data-model.md: what the API shows ({@link
 * #toApi()}) plus what only the server needs (owner, upload, source key, dimensions). Optional
 * attributes are null until the pipeline sets them.
 */
public record StoredVideo(
    String id,
    String ownerId,
    String channelId,
    String title,
    String description,
    List<String> tags,
    List<String> categories,
    VideoVisibility visibility,
    VideoStatus status,
    String failureReason,
    String uploadId,
    String sourceKey,
    Double durationSeconds,
    Integer width,
    Integer height,
    List<String> resolutions,
    List<String> playableResolutions,
    String thumbnailUrl,
    String playlistUrl,
    String storyboardUrl,
    long viewCount,
    long likeCount,
    long dislikeCount,
    long commentCount,
    Instant createdAt,
    Instant updatedAt,
    Instant publishedAt) {

  public StoredVideo {
    tags = List.copyOf(tags);
    categories = List.copyOf(categories);
    resolutions = List.copyOf(resolutions);
    playableResolutions = playableResolutions == null ? null : List.copyOf(playableResolutions);
  }

  /** Whether {@code userId} (null for anonymous callers) owns this video. */
  public boolean isOwnedBy(String userId) {
    return userId != null && userId.equals(ownerId);
  }

  /**
   * The contract's {@code Video}. The failure reason is only ever shown to the owner and, for a
   * blocked video, the admins who may review it: every other caller sees ready videos only, which
   * have none.
   */
  public Video toApi() {
    return new Video(
        id,
        channelId,
        title,
        description,
        tags,
        categories,
        visibility,
        status,
        failureReason,
        durationSeconds,
        resolutions,
        playableResolutions,
        thumbnailUrl,
        playlistUrl,
        storyboardUrl,
        viewCount,
        likeCount,
        dislikeCount,
        commentCount,
        publishedAt,
        createdAt);
  }
}
