package dev.kinora.shared.video;

import dev.kinora.shared.model.VideoStatus;
import dev.kinora.shared.model.VideoVisibility;
import java.util.Optional;

/**
 * Who may see a video, for every context that shows something of one (the video itself, its
 * comments, its rating, its media). The owner sees their video in every state (a blocked one with
 * the moderator's reason); everyone else only when it is ready and public or unlisted (unlisted:
 * whoever has the id). A video blocked by moderation is refused to everyone but its owner and the
 * admins who moderate it, and is never listable. A refusal carries the reason for logs; callers are
 * only ever told the video was not found, so its existence does not leak.
 *
 * <p>The same rules as {@code functions/videos} {@code ViewingPolicy}, which can delegate here.
 */
public final class VideoAccessPolicy {

  /** What the policy decided. */
  public sealed interface Decision {}

  /** The caller may see the video. */
  public record Allowed() implements Decision {}

  /** The caller may not; {@code reason} is for logs, never for the caller. */
  public record Refused(String reason) implements Decision {}

  /** The attributes of a video the rules read. */
  public record VideoFacts(String ownerId, VideoVisibility visibility, VideoStatus status) {
    public boolean isOwnedBy(String userId) {
      return userId != null && userId.equals(ownerId);
    }
  }

  private VideoAccessPolicy() {}

  /**
   * @param viewerId the signed-in caller's user id, null when anonymous
   */
  public static Decision decide(VideoFacts video, String viewerId) {
    return decide(video, viewerId, false);
  }

  /**
   * @param viewerId the signed-in caller's user id, null when anonymous
   * @param viewerIsAdmin whether the caller holds the {@code admin} role: admins also see blocked
   *     videos (to review and unblock them), nothing else more than anyone
   */
  public static Decision decide(VideoFacts video, String viewerId, boolean viewerIsAdmin) {
    if (video.isOwnedBy(viewerId)) {
      return new Allowed();
    }
    if (viewerIsAdmin && video.status() == VideoStatus.BLOCKED) {
      return new Allowed();
    }
    return blockedByModeration(video)
        .or(() -> notReady(video))
        .or(() -> privateToItsOwner(video))
        .<Decision>map(Refused::new)
        .orElseGet(Allowed::new);
  }

  /** Whether {@code viewerId} (null when anonymous) may see the video. */
  public static boolean canSee(VideoFacts video, String viewerId) {
    return canSee(video, viewerId, false);
  }

  /** {@link #canSee(VideoFacts, String)} for a caller who may hold the {@code admin} role. */
  public static boolean canSee(VideoFacts video, String viewerId, boolean viewerIsAdmin) {
    return decide(video, viewerId, viewerIsAdmin) instanceof Allowed;
  }

  /**
   * Whether the video may appear in a listing (feeds, search, trending, related, channel pages,
   * notifications): public and ready only — unlisted is "whoever has the link", never listed.
   */
  public static boolean isListable(VideoFacts video) {
    return video.status() == VideoStatus.READY && video.visibility() == VideoVisibility.PUBLIC;
  }

  private static Optional<String> blockedByModeration(VideoFacts video) {
    return video.status() == VideoStatus.BLOCKED
        ? Optional.of("blocked by moderation: visible to its owner and admins only")
        : Optional.empty();
  }

  private static Optional<String> notReady(VideoFacts video) {
    return video.status() == VideoStatus.READY
        ? Optional.empty()
        : Optional.of("status " + video.status() + " is visible to the owner only");
  }

  private static Optional<String> privateToItsOwner(VideoFacts video) {
    return video.visibility() == VideoVisibility.PRIVATE
        ? Optional.of("a private video is visible to the owner only")
        : Optional.empty();
  }
}
