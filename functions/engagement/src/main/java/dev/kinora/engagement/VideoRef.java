package dev.kinora.engagement;

import dev.kinora.shared.model.VideoStatus;
import dev.kinora.shared.model.VideoVisibility;
import dev.kinora.shared.video.VideoAccessPolicy;

/**
 * What engagement needs of a VideosTable row: who owns it, whether it may be shown, and its
 * counters (docs/data-model.md). The row belongs to the videos context; engagement only reads it
 * and ADDs to the counters.
 */
public record VideoRef(
    String id,
    String ownerId,
    VideoVisibility visibility,
    VideoStatus status,
    long likeCount,
    long dislikeCount,
    long commentCount) {

  public VideoAccessPolicy.VideoFacts facts() {
    return new VideoAccessPolicy.VideoFacts(ownerId, visibility, status);
  }

  public boolean isOwnedBy(String userId) {
    return facts().isOwnedBy(userId);
  }
}
