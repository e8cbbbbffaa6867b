package dev.kinora.videos;

import dev.kinora.shared.video.VideoAccessPolicy;

/**
 * Who may see a video, for the videos context: the shared {@link VideoAccessPolicy} over a stored
 * row. The owner sees their video in every state (to follow an upload, read why it failed or was
 * blocked, and watch private videos). Everyone else sees it only when it is ready and public or
 * unlisted (unlisted: anyone who has the link, which is all a read by id needs); admins also see a
 * blocked one, to review and unblock it. A refusal carries the reason for logs; callers are told
 * only that the video was not found, so its existence does not leak.
 */
public final class ViewingPolicy {

  /** What the policy decided. */
  public sealed interface Decision {}

  /** The caller may see the video. */
  public record Allowed() implements Decision {}

  /** The caller may not; {@code reason} is for logs, never for the caller. */
  public record Refused(String reason) implements Decision {}

  private ViewingPolicy() {}

  /**
   * @param viewerId the signed-in caller's user id, null when anonymous
   */
  public static Decision decide(StoredVideo video, String viewerId) {
    return decide(video, viewerId, false);
  }

  /**
   * @param viewerId the signed-in caller's user id, null when anonymous
   * @param viewerIsAdmin whether the caller holds the admin role (sees blocked videos too)
   */
  public static Decision decide(StoredVideo video, String viewerId, boolean viewerIsAdmin) {
    var facts =
        new VideoAccessPolicy.VideoFacts(video.ownerId(), video.visibility(), video.status());
    return switch (VideoAccessPolicy.decide(facts, viewerId, viewerIsAdmin)) {
      case VideoAccessPolicy.Allowed allowed -> new Allowed();
      case VideoAccessPolicy.Refused refused -> new Refused(refused.reason());
    };
  }
}
