package dev.kinora.engagement;

import dev.kinora.shared.model.VideoStatus;
import dev.kinora.shared.video.VideoAccessPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Every engagement rule in one place. Each check answers an empty Optional when allowed, or the
 * refusal (the error the caller gets, with the message they read).
 */
public final class EngagementPolicy {

  /** A refusal: which error, and the message shown to the caller. */
  public record Refusal(Kind kind, String message) {}

  /** How a refusal is answered. */
  public enum Kind {
    /** 404: the caller may not know the thing exists. */
    NOT_FOUND,
    /** 403: the caller sees it but may not do this. */
    FORBIDDEN,
    /** 409: the thing is not in a state that allows this. */
    CONFLICT
  }

  private EngagementPolicy() {}

  /** Seeing a video, its comments or its rating: the videos context's visibility rule. */
  public static Optional<Refusal> mayView(VideoRef video, String viewerId) {
    return mayView(video, viewerId, false);
  }

  /**
   * Reading a video's comments: {@link #mayView(VideoRef, String)}, except that an admin also reads
   * those of a blocked video, to review a report in its context. Writing counts the role for
   * nothing ({@link #mayEngage}).
   */
  public static Optional<Refusal> mayView(VideoRef video, String viewerId, boolean viewerIsAdmin) {
    return VideoAccessPolicy.canSee(video.facts(), viewerId, viewerIsAdmin)
        ? Optional.empty()
        : Optional.of(new Refusal(Kind.NOT_FOUND, "There is no such video"));
  }

  /**
   * Rating or commenting: the caller must see the video, and it must be ready (only its owner sees
   * an unfinished video, and there is nothing to react to yet).
   */
  public static Optional<Refusal> mayEngage(VideoRef video, String userId) {
    return mayView(video, userId)
        .or(
            () ->
                video.status() == VideoStatus.READY
                    ? Optional.empty()
                    : Optional.of(
                        new Refusal(
                            Kind.CONFLICT,
                            "This video is not ready yet; it can be rated and commented once it"
                                + " is published")));
  }

  /** Deleting a comment: its author, or the owner of the video it is on (moderation). */
  public static Optional<Refusal> mayDelete(StoredComment comment, VideoRef video, String userId) {
    return comment.isWrittenBy(userId) || video.isOwnedBy(userId)
        ? Optional.empty()
        : Optional.of(
            new Refusal(
                Kind.FORBIDDEN, "Only its author or the video's owner can delete this comment"));
  }

  /** Editing a comment: its author only, within the edit window after posting. */
  public static Optional<Refusal> mayEdit(
      StoredComment comment, String userId, Duration editWindow, Instant now) {
    if (!comment.isWrittenBy(userId)) {
      return Optional.of(new Refusal(Kind.FORBIDDEN, "Only its author can edit this comment"));
    }
    if (now.isAfter(comment.createdAt().plus(editWindow))) {
      return Optional.of(
          new Refusal(
              Kind.FORBIDDEN,
              "A comment can be edited for "
                  + editWindow.toMinutes()
                  + " minutes after posting it"));
    }
    return Optional.empty();
  }
}
