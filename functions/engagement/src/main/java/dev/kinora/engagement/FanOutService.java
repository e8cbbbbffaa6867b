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
 * twice) neither duplicates one nor makes a read one unread again. The video is read again first: a
 * publish whose video stopped being listable meanwhile (or a withdraw of one listable again) is
 * dropped, because the later change enqueued its own fan-out.
 */
public final class FanOutService {
  private final SubscriptionStore subscriptions;
  private final NotificationStore notifications;
  private final VideoCatalog videos;
  private final FanOutQueue queue;
  private final NotificationPusher pusher;
  private final Clock clock;
  private final int pageSize;

  public FanOutService(
      SubscriptionStore subscriptions,
      NotificationStore notifications,
      VideoCatalog videos,
      FanOutQueue queue,
      NotificationPusher pusher,
      Clock clock,
      int pageSize) {
    this.subscriptions = subscriptions;
    this.notifications = notifications;
    this.videos = videos;
    this.queue = queue;
    this.pusher = pusher;
    this.clock = clock;
    this.pageSize = pageSize;
  }

  /** Starts the fan-out of a change the VideosTable stream reported. */
  public void start(VideoChange change) {
    if (change.kind() == VideoChange.Kind.PUBLISHED) {
      queue.send(
          new FanOutMessage(
              FanOutMessage.Action.PUBLISH, change.videoId(), change.channelId(), null));
    } else if (change.kind() == VideoChange.Kind.WITHDRAWN) {
      queue.send(
          new FanOutMessage(
              FanOutMessage.Action.WITHDRAW, change.videoId(), change.channelId(), null));
    }
    // NONE: nothing a subscriber needs to hear about
  }

  /** Handles one page: notifies (or withdraws from) its subscribers, then queues the next page. */
  public void handle(FanOutMessage message) {
    Optional<VideoCard> card = videos.cards(List.of(message.videoId())).stream().findFirst();
    boolean publish = message.action() == FanOutMessage.Action.PUBLISH;
    if (publish != card.isPresent()) {
      return; // superseded by a later change, which has its own fan-out
    }
    SubscriptionStore.SubscriberPage page =
        subscriptions.subscribers(message.channelId(), message.after(), pageSize);
    for (StoredSubscription subscriber : page.subscribers()) {
      if (publish) {
        notify(subscriber, card.get());
      } else {
        notifications.withdraw(subscriber.userId(), message.videoId());
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
