package dev.kinora.engagement;

import dev.kinora.shared.model.Comment;
import dev.kinora.shared.model.CommentAuthor;
import java.time.Instant;

/**
 * One CommentsTable item (docs/data-model.md): the contract's {@code Comment} plus the author's
 * account id, which only the server sees. {@code parentId} is null for top-level comments.
 */
public record StoredComment(
    String id,
    String videoId,
    String parentId,
    String authorId,
    CommentAuthor author,
    String text,
    long replyCount,
    long likeCount,
    Instant createdAt,
    Instant editedAt) {

  public boolean isReply() {
    return parentId != null;
  }

  public boolean isWrittenBy(String userId) {
    return userId != null && userId.equals(authorId);
  }

  /** What "top" sorts by: likes and replies (comment likes are not built yet). */
  public long score() {
    return likeCount + replyCount;
  }

  public StoredComment withText(String newText, Instant at) {
    return new StoredComment(
        id, videoId, parentId, authorId, author, newText, replyCount, likeCount, createdAt, at);
  }

  public Comment toApi() {
    return new Comment(
        id, videoId, author, text, parentId, replyCount, likeCount, createdAt, editedAt);
  }
}
