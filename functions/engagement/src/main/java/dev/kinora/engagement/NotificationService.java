package dev.kinora.engagement;

import dev.kinora.shared.contract.ErrorCode;
import dev.kinora.shared.http.ApiException;
import dev.kinora.shared.http.SessionUser;
import dev.kinora.shared.model.Notification;
import dev.kinora.shared.model.NotificationReadState;
import dev.kinora.shared.model.VideoCard;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The caller's notifications: newest first with the exact unread count, mark one or all read. Only
 * the caller's own are ever read or changed (the user comes from the session, never the request).
 */
public final class NotificationService {
  private final NotificationStore notifications;
  private final VideoCatalog videos;
  private final Clock clock;

  public NotificationService(NotificationStore notifications, VideoCatalog videos, Clock clock) {
    this.notifications = notifications;
    this.videos = videos;
    this.clock = clock;
  }

  /** One page and the unread count. */
  public record Listed(Page<Notification> page, long unreadCount) {}

  /**
   * Newest first; a notification whose video is no longer listable (made private, deleted) is left
   * out even before the fan-out withdraws it.
   */
  public Listed list(SessionUser user, String cursor, int limit) {
    Page<StoredNotification> page;
    try {
      page = notifications.newest(user.userId(), cursor, limit);
    } catch (CommentStore.InvalidCursorException e) {
      throw SubscriptionService.invalidCursor();
    }
    Map<String, VideoCard> cards = new HashMap<>();
    for (VideoCard card :
        videos.cards(page.items().stream().map(StoredNotification::videoId).toList())) {
      cards.put(card.video().id(), card);
    }
    var shown = new ArrayList<Notification>();
    for (StoredNotification stored : page.items()) {
      VideoCard card = cards.get(stored.videoId());
      if (card != null) {
        shown.add(toApi(stored, card));
      }
    }
    return new Listed(
        new Page<>(shown, page.nextCursor()), notifications.unreadCount(user.userId()));
  }

  /** Marks one read; someone else's or an unknown one is 404 NOT_FOUND. */
  public NotificationReadState markRead(SessionUser user, String notificationId) {
    if (notifications.markRead(user.userId(), notificationId, clock.instant()).isEmpty()) {
      throw new ApiException(ErrorCode.NOT_FOUND, "There is no such notification");
    }
    return new NotificationReadState(notifications.unreadCount(user.userId()));
  }

  public NotificationReadState markAllRead(SessionUser user) {
    notifications.markAllRead(user.userId(), clock.instant());
    return new NotificationReadState(notifications.unreadCount(user.userId()));
  }

  static Notification toApi(StoredNotification stored, VideoCard card) {
    return new Notification(
        stored.videoId(),
        Notification.Kind.UPLOAD,
        stored.read(),
        stored.createdAt(),
        card.video(),
        card.channel());
  }

  static List<String> ids(List<VideoCard> cards) {
    return cards.stream().map(card -> card.video().id()).toList();
  }
}
