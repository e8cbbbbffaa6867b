package dev.kinora.engagement;

import dev.kinora.shared.model.NotifyPreference;
import dev.kinora.shared.model.VideoCard;
import dev.kinora.shared.realtime.RealtimeMessage;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The notification fan-out, one page of subscribers per message. Idempotent: a notification is per
 * (user, video), added only if absent, so a redelivered message (or a stream record delivered
 * twice) neither duplicates one nor makes a read one unread again. A video is announced once, by
 * the first change that made it listable ({@link Announcements}): made private and public again, or
 * blocked and unblocked, it notifies nobody anew (its subscribers' notifications were kept, read,
 * and are listed again). The video is read again first: a publish whose video stopped being
 * listable meanwhile (or a withdraw of one listable again) is dropped, because the later change
 * enqueued its own fan-out.
 */
public final class FanOutService {
  private final SubscriptionStore subscriptions;
  private final NotificationStore notifications;
  private final Announcements announcements;
  private final VideoCatalog videos;
  private final FanOutQueue queue;
  private final NotificationPusher pusher;
  private final Clock clock;
  private final int pageSize;

  public FanOutService(
      SubscriptionStore subscriptions,
      NotificationStore notifications,
      Announcements announcements,
      VideoCatalog videos,
      FanOutQueue queue,
      NotificationPusher pusher,
      Clock clock,
      int pageSize) {
    this.subscriptions = subscriptions;
    this.notifications = notifications;
    this.announcements = announcements;
    this.videos = videos;
    this.queue = queue;
    this.pusher = pusher;
    this.clock = clock;
    this.pageSize = pageSize;
  }

  /**
   * Starts the fan-out of a change the VideosTable stream reported.
   *
   * @param changeId the stream record's event id (the same on a redelivered record)
   */
  public void start(VideoChange change, String changeId) {
    FanOutMessage.Action action =
        switch (change.kind()) {
          case PUBLISHED -> FanOutMessage.Action.PUBLISH;
          case WITHDRAWN -> FanOutMessage.Action.WITHDRAW;
          case DELETED -> FanOutMessage.Action.DELETE;
          case NONE -> null; // nothing a subscriber needs to hear about
        };
    if (action != null) {
      queue.send(
          new FanOutMessage(
              action,
              change.videoId(),
              change.channelId(),
              null,
              action == FanOutMessage.Action.PUBLISH ? changeId : null));
    }
  }

  /** Handles one page: notifies (or withdraws from) its subscribers, then queues the next page. */
  public void handle(FanOutMessage message) {
    Optional<VideoCard> card = videos.cards(List.of(message.videoId())).stream().findFirst();
    boolean publish = message.action() == FanOutMessage.Action.PUBLISH;
    if (publish != card.isPresent()) {
      return; // superseded by a later change, which has its own fan-out
    }
    boolean firstPage = message.after() == null;
    if (publish
        && firstPage
        && message.publishId() != null
        && !announcements.announce(message.videoId(), message.publishId(), clock.instant())) {
      return; // announced the first time it was listable; its subscribers were notified then
    }
    if (message.action() == FanOutMessage.Action.DELETE && firstPage) {
      announcements.forget(message.videoId());
    }
    SubscriptionStore.SubscriberPage page =
        subscriptions.subscribers(message.channelId(), message.after(), pageSize);
    for (StoredSubscription subscriber : page.subscribers()) {
      if (publish) {
        notify(subscriber, card.get());
      } else if (message.action() == FanOutMessage.Action.WITHDRAW) {
        notifications.withdraw(subscriber.userId(), message.videoId());
      } else {
        notifications.delete(subscriber.userId(), message.videoId());
      }
    }
    if (page.next() != null) {
      queue.send(message.next(page.next()));
    }
  }

  private void notify(StoredSubscription subscriber, VideoCard card) {
    // personalized = only uploads picked for the subscriber; nothing picks any yet
    if (subscriber.preference() != NotifyPreference.ALL) {
      return;
    }
    Instant at = clock.instant();
    if (notifications.add(subscriber.userId(), card.video().id(), card.video().channelId(), at)) {
      var stored =
          new StoredNotification(
              subscriber.userId(), card.video().id(), card.video().channelId(), false, at);
      pusher.push(
          subscriber.userId(),
          () ->
              new RealtimeMessage.NotificationNew(
                  NotificationService.toApi(stored, card),
                  notifications.unreadCount(subscriber.userId())));
    }
  }
}
