package dev.kinora.engagement;

import dev.kinora.shared.http.SessionUser;
import dev.kinora.shared.model.CommentAuthor;
import dev.kinora.shared.model.CommentSort;
import dev.kinora.shared.model.RatingValue;
import dev.kinora.shared.model.VideoStatus;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ports over plain maps, with the same all-or-nothing semantics the DynamoDB adapters get from
 * transactions (every method is synchronized). Cursors are the index of the next item.
 */
final class InMemoryEngagement
    implements VideoDirectory, RatingStore, CommentStore, AuthorDirectory {
  final Map<String, VideoRef> videos = new HashMap<>();
  final Map<String, RatingValue> ratings = new HashMap<>();
  final Map<String, StoredComment> comments = new LinkedHashMap<>();

  void put(VideoRef video) {
    videos.put(video.id(), video);
  }

  @Override
  public synchronized Optional<VideoRef> video(String videoId) {
    return Optional.ofNullable(videos.get(videoId));
  }

  @Override
  public CommentAuthor authorOf(SessionUser user) {
    return new CommentAuthor(user.channelId(), user.handle(), "Name of " + user.handle(), null);
  }

  // ------------------------------------------------------------------ ratings

  @Override
  public synchronized RatingValue find(String userId, String videoId) {
    return ratings.getOrDefault(userId + "/" + videoId, RatingValue.NONE);
  }

  @Override
  public synchronized Outcome apply(
      String userId, String videoId, RatingChange change, Instant at) {
    if (find(userId, videoId) != change.previous()) {
      return Outcome.STALE;
    }
    VideoRef video = videos.get(videoId);
    if (video == null || video.status() != VideoStatus.READY) {
      return Outcome.VIDEO_UNAVAILABLE;
    }
    ratings.put(userId + "/" + videoId, change.next());
    videos.put(
        videoId,
        new VideoRef(
            video.id(),
            video.ownerId(),
            video.visibility(),
            video.status(),
            video.likeCount() + change.likeDelta(),
            video.dislikeCount() + change.dislikeDelta(),
            video.commentCount()));
    return Outcome.APPLIED;
  }

  // ------------------------------------------------------------------ comments

  @Override
  public synchronized Optional<StoredComment> find(String commentId) {
    return Optional.ofNullable(comments.get(commentId));
  }

  @Override
  public synchronized CreateOutcome create(StoredComment comment) {
    VideoRef video = videos.get(comment.videoId());
    if (video == null || video.status() != VideoStatus.READY) {
      return CreateOutcome.VIDEO_UNAVAILABLE;
    }
    if (comment.isReply()) {
      StoredComment parent = comments.get(comment.parentId());
      if (parent == null) {
        return CreateOutcome.PARENT_GONE;
      }
      comments.put(parent.id(), withReplies(parent, parent.replyCount() + 1));
    }
    comments.put(comment.id(), comment);
    addComments(comment.videoId(), 1);
    return CreateOutcome.CREATED;
  }

  @Override
  public synchronized Page<StoredComment> topLevel(
      String videoId, CommentSort sort, String cursor, int limit) {
    Comparator<StoredComment> order =
        sort == CommentSort.TOP
            ? Comparator.comparingLong(StoredComment::score).reversed()
            : Comparator.comparing(StoredComment::createdAt).reversed();
    return page(
        comments.values().stream()
            .filter(c -> !c.isReply() && c.videoId().equals(videoId))
            .sorted(order)
            .toList(),
        cursor,
        limit);
  }

  @Override
  public synchronized Page<StoredComment> replies(String commentId, String cursor, int limit) {
    return page(
        comments.values().stream()
            .filter(c -> commentId.equals(c.parentId()))
            .sorted(Comparator.comparing(StoredComment::createdAt))
            .toList(),
        cursor,
        limit);
  }

  private static Page<StoredComment> page(List<StoredComment> all, String cursor, int limit) {
    int from;
    try {
      from = cursor == null ? 0 : Integer.parseInt(cursor);
    } catch (NumberFormatException e) {
      throw new InvalidCursorException("is not a cursor of this list");
    }
    int to = Math.min(all.size(), from + limit);
    return new Page<>(all.subList(from, to), to < all.size() ? Integer.toString(to) : null);
  }

  @Override
  public synchronized Optional<StoredComment> updateText(
      String commentId, String authorId, String text, Instant at) {
    StoredComment comment = comments.get(commentId);
    if (comment == null || !comment.isWrittenBy(authorId)) {
      return Optional.empty();
    }
    StoredComment edited = comment.withText(text, at);
    comments.put(commentId, edited);
    return Optional.of(edited);
  }

  @Override
  public synchronized boolean delete(StoredComment comment) {
    if (comments.remove(comment.id()) == null) {
      return false;
    }
    long removed = 1;
    if (comment.isReply()) {
      StoredComment parent = comments.get(comment.parentId());
      comments.put(parent.id(), withReplies(parent, parent.replyCount() - 1));
    } else {
      List<String> replies =
          comments.values().stream()
              .filter(c -> comment.id().equals(c.parentId()))
              .map(StoredComment::id)
              .toList();
      replies.forEach(comments::remove);
      removed += replies.size();
    }
    addComments(comment.videoId(), -removed);
    return true;
  }

  private void addComments(String videoId, long n) {
    VideoRef v = videos.get(videoId);
    videos.put(
        videoId,
        new VideoRef(
            v.id(),
            v.ownerId(),
            v.visibility(),
            v.status(),
            v.likeCount(),
            v.dislikeCount(),
            v.commentCount() + n));
  }

  private static StoredComment withReplies(StoredComment c, long replies) {
    return new StoredComment(
        c.id(),
        c.videoId(),
        c.parentId(),
        c.authorId(),
        c.author(),
        c.text(),
        replies,
        c.likeCount(),
        c.createdAt(),
        c.editedAt());
  }
}
