package dev.kinora.moderation;

import dev.kinora.shared.video.VideoAccessPolicy.VideoFacts;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What moderation needs from storage (docs/data-model.md, ModerationTable; it also writes the
 * moderated rows of VideosTable and CommentsTable, with conditions).
 */
public interface ModerationStore {

  /** A video as moderation reads it. */
  record VideoRow(String id, VideoFacts facts, String title) {}

  /** A comment as moderation reads it; {@code removed} once a moderator removed it. */
  record CommentRow(String id, String videoId, String text, boolean removed) {}

  Optional<VideoRow> findVideo(String videoId);

  Optional<CommentRow> findComment(String commentId);

  /** The status ({@code VideoStatus} value) of each video that exists. */
  Map<String, String> videoStatuses(Collection<String> videoIds);

  /** What opening a report did. */
  sealed interface Opening {}

  record Opened(Report report) implements Opening {}

  /** The reporter already has an open report on the item: it is answered unchanged. */
  record AlreadyOpen(Report report) implements Opening {}

  /**
   * Opens {@code report} unless its reporter has an open one on the same item, counting it into the
   * item's queue entry (created with {@code videoId} and {@code preview} on its first report).
   */
  Opening open(Report report, String videoId, String preview);

  /** One page of the queue, newest report first. */
  record QueuePage(List<ReportQueueEntry> entries, String nextCursor) {}

  /**
   * @throws InvalidCursorException when {@code cursor} is not one this queue handed out
   */
  QueuePage queue(String cursor, int limit);

  /** Closes every open report on {@code target}; how many it closed. */
  int closeReports(Target target, Instant at);

  /** What a moderation write on a video found. */
  enum Change {
    DONE,
    NOT_FOUND,
    WRONG_STATE
  }

  /** {@code ready → blocked} with the reason the owner reads, recorded with {@code audit}. */
  Change block(String videoId, ModerationAction audit);

  /** {@code blocked →} the status before the block, recorded with {@code audit}. */
  Change unblock(String videoId, ModerationAction audit);

  /**
   * Replaces the text of a comment whose text is still {@code seenText} with {@code placeholder},
   * marking it removed, recorded with {@code audit} (which keeps the text). NOT_FOUND when the
   * comment is gone or already removed, WRONG_STATE when its text changed since it was read.
   */
  Change removeComment(
      String commentId, String seenText, String placeholder, ModerationAction audit);

  /** Records an action that changes nothing else (a dismissal). */
  void record(ModerationAction audit);

  /** The item's audit records, newest first. */
  List<ModerationAction> auditOf(Target target, int limit);

  /** A cursor that is not this list's. */
  final class InvalidCursorException extends RuntimeException {
    public InvalidCursorException(String message) {
      super(message);
    }
  }
}
