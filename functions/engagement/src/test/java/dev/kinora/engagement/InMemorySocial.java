package dev.kinora.engagement;

import dev.kinora.shared.model.ChannelSummary;
import dev.kinora.shared.model.NotifyPreference;
import dev.kinora.shared.model.Video;
import dev.kinora.shared.model.VideoCard;
import dev.kinora.shared.model.VideoStatus;
import dev.kinora.shared.model.VideoVisibility;
import dev.kinora.shared.realtime.RealtimeMessage;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Subscriptions, notifications, channels, listable videos, the fan-out queue and the WebSocket
 * pusher over plain maps, all-or-nothing like the DynamoDB transactions (every method is
 * synchronized). Cursors are the index of the next item.
 */
final class InMemorySocial
    implements SubscriptionStore,
        NotificationStore,
        Announcements,
        ChannelDirectory,
        VideoCatalog,
        FanOutQueue,
        NotificationPusher {
  final Map<String, ChannelSummary> channels = new HashMap<>();
  final Map<String, StoredSubscription> subscriptions = new TreeMap<>();
  final Map<String, Video> videos = new LinkedHashMap<>();
  final Map<String, StoredNotification> notifications = new LinkedHashMap<>();
  final Map<String, Long> unread = new HashMap<>();
  final Map<String, String> announcedBy = new HashMap<>();
  final Deque<FanOutMessage> queue = new ArrayDeque<>();
  final List<String> online = new ArrayList<>();
  final List<RealtimeMessage.NotificationNew> pushed = new ArrayList<>();

  synchronized void addChannel(String id) {
    channels.put(id, new ChannelSummary(id, id.replace("ch_", ""), "Channel " + id, null, 0));
  }

  synchronized Video video(
      String id,
      String channelId,
      VideoVisibility visibility,
      VideoStatus status,
      Instant createdAt) {
    var video =
        new Video(
            id,
            channelId,
            "Title " + id,
            "",
            List.of(),
            List.of(),
            visibility,
            status,
            null,
            10.0,
            List.of("360p"),
            null,
            null,
            null,
            null,
            0,
            0,
            0,
            0,
            createdAt,
            createdAt);
    videos.put(id, video);
    return video;
  }

  private static String key(String userId, String other) {
    return userId + "/" + other;
  }

  // ------------------------------------------------------------------ subscriptions

  @Override
  public synchronized Optional<StoredSubscription> find(String userId, String channelId) {
    return Optional.ofNullable(subscriptions.get(key(userId, channelId)));
  }

  @Override
  public synchronized Outcome create(StoredSubscription subscription) {
    if (subscriptions.containsKey(key(subscription.userId(), subscription.channelId()))) {
      return Outcome.STALE;
    }
    if (!channels.containsKey(subscription.channelId())) {
      return Outcome.CHANNEL_MISSING;
    }
    subscriptions.put(key(subscription.userId(), subscription.channelId()), subscription);
    count(subscription.channelId(), 1);
    return Outcome.APPLIED;
  }

  @Override
  public synchronized Outcome changePreference(
      String userId, String channelId, NotifyPreference preference) {
    StoredSubscription current = subscriptions.get(key(userId, channelId));
    if (current == null) {
      return Outcome.STALE;
    }
    subscriptions.put(
        key(userId, channelId),
        new StoredSubscription(userId, channelId, preference, current.createdAt()));
    return Outcome.APPLIED;
  }

  @Override
  public synchronized Outcome remove(String userId, String channelId) {
    if (subscriptions.remove(key(userId, channelId)) == null) {
      return Outcome.STALE;
    }
    count(channelId, -1);
    return Outcome.APPLIED;
  }

  private void count(String channelId, int delta) {
    ChannelSummary c = channels.get(channelId);
    channels.put(
        channelId,
        new ChannelSummary(
            c.id(), c.handle(), c.name(), c.avatarUrl(), c.subscriberCount() + delta));
  }

  @Override
  public synchronized Page<StoredSubscription> mine(String userId, String cursor, int limit) {
    List<StoredSubscription> all =
        subscriptions.values().stream().filter(s -> s.userId().equals(userId)).toList();
    return page(all, cursor, limit);
  }

  @Override
  public synchronized List<String> channelsOf(String userId, int max) {
    return subscriptions.values().stream()
        .filter(s -> s.userId().equals(userId))
        .map(StoredSubscription::channelId)
        .limit(max)
        .toList();
  }

  @Override
  public synchronized SubscriberPage subscribers(String channelId, String after, int limit) {
    List<StoredSubscription> all =
        subscriptions.values().stream().filter(s -> s.channelId().equals(channelId)).toList();
    Page<StoredSubscription> page = page(all, after, limit);
    return new SubscriberPage(page.items(), page.nextCursor());
  }

  private static <T> Page<T> page(List<T> all, String cursor, int limit) {
    int from;
    try {
      from = cursor == null ? 0 : Integer.parseInt(cursor);
    } catch (NumberFormatException e) {
      throw new CommentStore.InvalidCursorException("is not a cursor of this list");
    }
    int to = Math.min(all.size(), from + limit);
    return new Page<>(all.subList(from, to), to < all.size() ? Integer.toString(to) : null);
  }

  // ------------------------------------------------------------------ channels and videos

  @Override
  public synchronized Optional<ChannelSummary> channel(String channelId) {
    return Optional.ofNullable(channels.get(channelId));
  }

  @Override
  public synchronized Map<String, ChannelSummary> channels(Collection<String> channelIds) {
    var found = new HashMap<String, ChannelSummary>();
    channelIds.forEach(
        id -> Optional.ofNullable(channels.get(id)).ifPresent(c -> found.put(id, c)));
    return found;
  }

  private static boolean listable(Video video) {
    return video.visibility() == VideoVisibility.PUBLIC && video.status() == VideoStatus.READY;
  }

  @Override
  public synchronized List<VideoCard> cards(List<String> videoIds) {
    var cards = new ArrayList<VideoCard>();
    for (String id : videoIds) {
      Video video = videos.get(id);
      if (video != null && listable(video)) {
        cards.add(new VideoCard(video, channels.get(video.channelId())));
      }
    }
    return cards;
  }

  @Override
  public synchronized List<VideoCard> newest(String channelId, Position before, int limit) {
    return videos.values().stream()
        .filter(v -> v.channelId().equals(channelId) && listable(v))
        .filter(v -> before == null || new Position(v.createdAt(), v.id()).compareTo(before) < 0)
        .sorted(Comparator.comparing((Video v) -> new Position(v.createdAt(), v.id())).reversed())
        .limit(limit)
        .map(v -> new VideoCard(v, channels.get(channelId)))
        .toList();
  }

  // ------------------------------------------------------------------ notifications

  @Override
  public synchronized boolean add(String userId, String videoId, String channelId, Instant at) {
    if (notifications.containsKey(key(userId, videoId))) {
      return false;
    }
    notifications.put(
        key(userId, videoId), new StoredNotification(userId, videoId, channelId, false, at));
    unread.merge(userId, 1L, Long::sum);
    return true;
  }

  @Override
  public synchronized void withdraw(String userId, String videoId) {
    StoredNotification n = notifications.get(key(userId, videoId));
    if (n != null && !n.read()) {
      notifications.put(
          key(userId, videoId),
          new StoredNotification(userId, videoId, n.channelId(), true, n.createdAt()));
      unread.merge(userId, -1L, Long::sum);
    }
  }

  @Override
  public synchronized void delete(String userId, String videoId) {
    StoredNotification gone = notifications.remove(key(userId, videoId));
    if (gone != null && !gone.read()) {
      unread.merge(userId, -1L, Long::sum);
    }
  }

  // ------------------------------------------------------------------ announcements

  @Override
  public synchronized boolean announce(String videoId, String publishId, Instant at) {
    return announcedBy.computeIfAbsent(videoId, id -> publishId).equals(publishId);
  }

  @Override
  public synchronized void forget(String videoId) {
    announcedBy.remove(videoId);
  }

  @Override
  public synchronized Page<StoredNotification> newest(String userId, String cursor, int limit) {
    List<StoredNotification> mine =
        notifications.values().stream()
            .filter(n -> n.userId().equals(userId))
            .sorted(Comparator.comparing(StoredNotification::createdAt).reversed())
            .toList();
    return page(mine, cursor, limit);
  }

  @Override
  public synchronized long unreadCount(String userId) {
    return unread.getOrDefault(userId, 0L);
  }

  @Override
  public synchronized Optional<Boolean> markRead(String userId, String videoId, Instant at) {
    StoredNotification n = notifications.get(key(userId, videoId));
    if (n == null) {
      return Optional.empty();
    }
    if (n.read()) {
      return Optional.of(false);
    }
    notifications.put(
        key(userId, videoId),
        new StoredNotification(userId, videoId, n.channelId(), true, n.createdAt()));
    unread.merge(userId, -1L, Long::sum);
    return Optional.of(true);
  }

  @Override
  public synchronized void markAllRead(String userId, Instant at) {
    for (StoredNotification n : List.copyOf(notifications.values())) {
      if (n.userId().equals(userId) && !n.read()) {
        markRead(userId, n.videoId(), at);
      }
    }
  }

  // ------------------------------------------------------------------ queue and pusher

  @Override
  public synchronized void send(FanOutMessage message) {
    queue.add(message);
  }

  @Override
  public synchronized void push(String userId, Supplier<RealtimeMessage> message) {
    if (online.contains(userId)) {
      pushed.add((RealtimeMessage.NotificationNew) message.get());
    }
  }
}
