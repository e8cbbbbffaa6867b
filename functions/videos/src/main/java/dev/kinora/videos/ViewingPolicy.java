package dev.kinora.videos;

import dev.kinora.shared.model.VideoStatus;
import dev.kinora.shared.model.VideoVisibility;
import java.util.Optional;

/**
 * Who may see a video, every rule in one place. The owner sees their video in every state (to
 * follow an upload, read why it failed or was blocked, and watch private videos). Everyone else
 * sees it only when it is ready and public or unlisted (unlisted: anyone who has the link, which is
 * all a read by id needs). A refusal carries the reason for logs; callers are told only that the
 * video was not found, so its existence does not leak.
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
    if (video.isOwnedBy(viewerId)) {
      return new Allowed();
    }
    return notReady(video)
        .or(() -> privateToItsOwner(video))
        .<Decision>map(Refused::new)
        .orElseGet(Allowed::new);
  }

  private static Optional<String> notReady(StoredVideo video) {
    return video.status() == VideoStatus.READY
        ? Optional.empty()
        : Optional.of("status " + video.status() + " is visible to the owner only");
  }

  private static Optional<String> privateToItsOwner(StoredVideo video) {
    return video.visibility() == VideoVisibility.PRIVATE
        ? Optional.of("a private video is visible to the owner only")
        : Optional.empty();
  }
}
