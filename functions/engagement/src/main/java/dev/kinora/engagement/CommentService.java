package dev.kinora.engagement;

import dev.kinora.shared.contract.Limits;
import dev.kinora.shared.contract.ValidationIssue;
import dev.kinora.shared.http.ApiException;
import dev.kinora.shared.http.SessionUser;
import dev.kinora.shared.metrics.Metrics;
import dev.kinora.shared.model.CommentCreateRequest;
import dev.kinora.shared.model.CommentSort;
import dev.kinora.shared.ratelimit.RateLimiter;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Comments: post (top-level or one level of replies), list, edit within the window, delete. Every
 * read goes through the video's visibility rule, so comments of a video the caller may not see are
 * as invisible as the video.
 */
public final class CommentService {
  private final CommentStore comments;
  private final VideoDirectory videos;
  private final AuthorDirectory authors;
  private final RateLimiter rateLimiter;
  private final Limits.CommentLimits limits;
  private final SecureRandom random;
  private final Clock clock;

  public CommentService(
      CommentStore comments,
      VideoDirectory videos,
      AuthorDirectory authors,
      RateLimiter rateLimiter,
      Limits.CommentLimits limits,
      SecureRandom random,
      Clock clock) {
    this.comments = comments;
    this.videos = videos;
    this.authors = authors;
    this.rateLimiter = rateLimiter;
    this.limits = limits;
    this.random = random;
    this.clock = clock;
  }

  /**
   * Posts a comment, or a reply when {@code parentId} is set. Replies are one level deep: a parent
   * that is itself a reply is refused (VALIDATION_ERROR at {@code /parentId}) rather than silently
   * re-attached, so the client shows the thread the author saw.
   */
  public StoredComment create(String videoId, SessionUser user, CommentCreateRequest request) {
    VideoRef video = engageable(videoId, user.userId());
    rateLimiter.check("comment", user.userId());
    if (request.parentId() != null) {
      StoredComment parent =
          comments
              .find(request.parentId())
              .filter(found -> found.videoId().equals(videoId))
              .orElseThrow(() -> badParent("is not a comment on this video"));
      if (parent.isReply()) {
        throw badParent("is a reply; replies are one level deep, reply to its parent instead");
      }
    }
    var comment =
        new StoredComment(
            newId(),
            video.id(),
            request.parentId(),
            user.userId(),
            authors.authorOf(user),
            request.text(),
            0,
            0,
            // microseconds: what the table's sortable timestamps hold, so the answer equals a read
            clock.instant().truncatedTo(ChronoUnit.MICROS),
            null);
    return switch (comments.create(comment)) {
      case CREATED -> {
        Metrics.count(Metrics.COMMENT_WRITES);
        yield comment;
      }
      case PARENT_GONE -> throw badParent("was deleted");
      case VIDEO_UNAVAILABLE -> throw Refusals.videoNotFound();
    };
  }

  /** A page of the video's top-level comments, as {@code viewerId} (null: anonymous) sees them. */
  public Page<StoredComment> list(
      String videoId, Optional<SessionUser> viewer, CommentSort sort, String cursor, int limit) {
    VideoRef video = videos.video(videoId).orElseThrow(Refusals::videoNotFound);
    EngagementPolicy.mayView(video, viewerId(viewer), isAdmin(viewer))
        .ifPresent(
            refusal -> {
              throw Refusals.forVideo(refusal);
            });
    return withCursor(() -> comments.topLevel(videoId, sort, cursor, limit));
  }

  /** A page of a top-level comment's replies, oldest first. */
  public Page<StoredComment> replies(
      String commentId, Optional<SessionUser> viewer, String cursor, int limit) {
    StoredComment comment = visibleComment(commentId, viewerId(viewer), isAdmin(viewer)).comment();
    return withCursor(() -> comments.replies(comment.id(), cursor, limit));
  }

  /** The author's new text, within {@code comment.editWindowMinutes} of posting. */
  public StoredComment edit(String commentId, SessionUser user, String text) {
    StoredComment comment = visibleComment(commentId, user.userId(), false).comment();
    EngagementPolicy.mayEdit(comment, user.userId(), limits.editWindow(), clock.instant())
        .ifPresent(
            refusal -> {
              throw Refusals.forComment(refusal);
            });
    return comments
        .updateText(commentId, user.userId(), text, clock.instant())
        .orElseThrow(Refusals::commentNotFound);
  }

  /** Deletes a comment (and a top-level comment's replies): its author or the video's owner. */
  public void delete(String commentId, SessionUser user) {
    Visible visible = visibleComment(commentId, user.userId(), false);
    EngagementPolicy.mayDelete(visible.comment(), visible.video(), user.userId())
        .ifPresent(
            refusal -> {
              throw Refusals.forComment(refusal);
            });
    if (!comments.delete(visible.comment())) {
      throw Refusals.commentNotFound();
    }
  }

  private record Visible(StoredComment comment, VideoRef video) {}

  private Visible visibleComment(String commentId, String viewerId, boolean viewerIsAdmin) {
    StoredComment comment = comments.find(commentId).orElseThrow(Refusals::commentNotFound);
    VideoRef video = videos.video(comment.videoId()).orElseThrow(Refusals::commentNotFound);
    EngagementPolicy.mayView(video, viewerId, viewerIsAdmin)
        .ifPresent(
            refusal -> {
              throw Refusals.forComment(refusal);
            });
    return new Visible(comment, video);
  }

  private VideoRef engageable(String videoId, String userId) {
    VideoRef video = videos.video(videoId).orElseThrow(Refusals::videoNotFound);
    EngagementPolicy.mayEngage(video, userId)
        .ifPresent(
            refusal -> {
              throw Refusals.forVideo(refusal);
            });
    return video;
  }

  private static Page<StoredComment> withCursor(
      java.util.function.Supplier<Page<StoredComment>> query) {
    try {
      return query.get();
    } catch (CommentStore.InvalidCursorException e) {
      throw ApiException.validation(List.of(new ValidationIssue("/cursor", e.getMessage())));
    }
  }

  private static String viewerId(Optional<SessionUser> viewer) {
    return viewer.map(SessionUser::userId).orElse(null);
  }

  private static boolean isAdmin(Optional<SessionUser> viewer) {
    return viewer.map(SessionUser::isAdmin).orElse(false);
  }

  private static ApiException badParent(String message) {
    return ApiException.validation(List.of(new ValidationIssue("/parentId", message)));
  }

  /** 16 random URL-safe characters (96 bits), the contract's ResourceId alphabet. */
  private String newId() {
    byte[] bytes = new byte[12];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
