package dev.kinora.engagement;

import dev.kinora.shared.model.CommentSort;
import java.time.Instant;
import java.util.Optional;

/**
 * Port: comments and the counters they move (the video's commentCount, a parent's replyCount),
 * always in the same transaction as the comment itself.
 */
public interface CommentStore {

  Optional<StoredComment> find(String commentId);

  /**
   * Writes the comment, +1 on the video's commentCount and, for a reply, +1 on the parent's
   * replyCount, all or nothing.
   */
  CreateOutcome create(StoredComment comment);

  /** What {@link #create} did. */
  enum CreateOutcome {
    CREATED,
    /** The parent was deleted meanwhile. */
    PARENT_GONE,
    /** The video is gone or no longer ready. */
    VIDEO_UNAVAILABLE
  }

  /**
   * A video's top-level comments in {@code sort} order.
   *
   * @param cursor null for the first page, else the previous page's {@code nextCursor}
   * @throws InvalidCursorException if the cursor is not one of this list's
   */
  Page<StoredComment> topLevel(String videoId, CommentSort sort, String cursor, int limit);

  /** A top-level comment's replies, oldest first; cursor as in {@link #topLevel}. */
  Page<StoredComment> replies(String commentId, String cursor, int limit);

  /** Sets the text if the comment still exists and is {@code authorId}'s; the result if so. */
  Optional<StoredComment> updateText(String commentId, String authorId, String text, Instant at);

  /**
   * Deletes the comment and, for a top-level comment, its replies, with the counters going down by
   * as many; false if the comment was already gone.
   */
  boolean delete(StoredComment comment);

  /** A cursor that was not produced by this list (or was tampered with). */
  final class InvalidCursorException extends RuntimeException {
    public InvalidCursorException(String message) {
      super(message, null, false, false);
    }
  }
}
