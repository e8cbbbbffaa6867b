package dev.kinora.engagement;

import java.time.Instant;
import java.util.Optional;

/**
 * Port: notifications and each user's unread count (NotificationsTable). Every write that changes
 * whether a notification is unread moves the count in the same transaction, so it stays exact.
 */
public interface NotificationStore {

  /**
   * Adds the unread notification of {@code videoId} for {@code userId} unless one exists (a
   * redelivered fan-out then neither duplicates it nor makes it unread again).
   *
   * @return true when this call added it
   */
  boolean add(String userId, String videoId, String channelId, Instant at);

  /**
   * A video that is no longer listable (made private or unlisted, blocked): its notification stops
   * counting as unread, and stays, so it is listed again (read) if the video becomes listable again
   * instead of being sent anew; none, or a read one, is fine.
   */
  void withdraw(String userId, String videoId);

  /** Deletes the notification of a deleted video (and its unread count); none is fine. */
  void delete(String userId, String videoId);

  /**
   * The user's notifications, newest first.
   *
   * @throws CommentStore.InvalidCursorException if the cursor is not one of this list's
   */
  Page<StoredNotification> newest(String userId, String cursor, int limit);

  /** The user's unread count, read consistently. */
  long unreadCount(String userId);

  /** Marks it read; empty when the user has no such notification, else whether it was unread. */
  Optional<Boolean> markRead(String userId, String videoId, Instant at);

  /** Marks every unread notification of the user read. */
  void markAllRead(String userId, Instant at);
}
