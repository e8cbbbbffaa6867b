package dev.kinora.engagement;

import dev.kinora.shared.contract.ErrorCode;
import dev.kinora.shared.contract.ValidationIssue;
import dev.kinora.shared.http.ApiException;
import dev.kinora.shared.http.SessionUser;
import dev.kinora.shared.model.ChannelSummary;
import dev.kinora.shared.model.NotifyPreference;
import dev.kinora.shared.model.SubscribedChannel;
import dev.kinora.shared.model.Subscription;
import dev.kinora.shared.model.VideoCard;
import dev.kinora.shared.ratelimit.RateLimiter;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Subscribing to channels: an idempotent upsert of the subscription with its notification
 * preference, unsubscribing, the caller's state for one channel, their channels, and their
 * channels' latest uploads. The subscription item and the channel's count change in one conditional
 * transaction; when a concurrent request of the same user changed the item first, the state is read
 * again and the change retried, so the count always equals the stored subscriptions.
 */
public final class SubscriptionService {
  static final int MAX_ATTEMPTS = 40;

  private final SubscriptionStore subscriptions;
  private final ChannelDirectory channels;
  private final VideoCatalog videos;
  private final RateLimiter rateLimiter;
  private final RatingService.RetryPause pause;
  private final Clock clock;
  private final int feedChannels;

  public SubscriptionService(
      SubscriptionStore subscriptions,
      ChannelDirectory channels,
      VideoCatalog videos,
      RateLimiter rateLimiter,
      RatingService.RetryPause pause,
      Clock clock,
      int feedChannels) {
    this.subscriptions = subscriptions;
    this.channels = channels;
    this.videos = videos;
    this.rateLimiter = rateLimiter;
    this.pause = pause;
    this.clock = clock;
    this.feedChannels = feedChannels;
  }

  /** The caller's state for a channel; 404 CHANNEL_NOT_FOUND for an unknown one. */
  public Subscription state(String channelId, SessionUser user) {
    ChannelSummary channel =
        channels.channel(channelId).orElseThrow(SubscriptionService::noChannel);
    return stateOf(channel, subscriptions.find(user.userId(), channelId));
  }

  /**
   * Subscribes with {@code preference}, or changes the preference of an existing subscription (the
   * count stays); the same preference again changes nothing.
   *
   * @throws ApiException INVALID_INPUT for the caller's own channel, CHANNEL_NOT_FOUND,
   *     RATE_LIMITED
   */
  public Subscription subscribe(String channelId, SessionUser user, NotifyPreference preference) {
    if (channelId.equals(user.channelId())) {
      throw new ApiException(ErrorCode.INVALID_INPUT, "You cannot subscribe to your own channel");
    }
    channels.channel(channelId).orElseThrow(SubscriptionService::noChannel);
    rateLimiter.check("subscription", user.userId());
    for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      if (attempt > 1) {
        pause.before(attempt);
      }
      Optional<StoredSubscription> current = subscriptions.find(user.userId(), channelId);
      SubscriptionStore.Outcome outcome;
      if (current.isEmpty()) {
        outcome =
            subscriptions.create(
                new StoredSubscription(user.userId(), channelId, preference, clock.instant()));
      } else if (current.get().preference() == preference) {
        outcome = SubscriptionStore.Outcome.APPLIED;
      } else {
        outcome = subscriptions.changePreference(user.userId(), channelId, preference);
      }
      if (outcome == SubscriptionStore.Outcome.APPLIED) {
        return state(channelId, user);
      }
      if (outcome == SubscriptionStore.Outcome.CHANNEL_MISSING) {
        throw noChannel();
      }
      // STALE: another request of this user changed the subscription first; read it again
    }
    throw tooFast();
  }

  /** Ends the subscription; not subscribed is not an error. */
  public Subscription unsubscribe(String channelId, SessionUser user) {
    channels.channel(channelId).orElseThrow(SubscriptionService::noChannel);
    rateLimiter.check("subscription", user.userId());
    for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      if (attempt > 1) {
        pause.before(attempt);
      }
      if (subscriptions.find(user.userId(), channelId).isEmpty()) {
        return state(channelId, user);
      }
      SubscriptionStore.Outcome outcome = subscriptions.remove(user.userId(), channelId);
      if (outcome == SubscriptionStore.Outcome.APPLIED) {
        return state(channelId, user);
      }
      if (outcome == SubscriptionStore.Outcome.CHANNEL_MISSING) {
        throw noChannel();
      }
      // STALE: changed meanwhile; read again
    }
    throw tooFast();
  }

  /** The caller's channels; channels deleted meanwhile are left out. */
  public Page<SubscribedChannel> mine(SessionUser user, String cursor, int limit) {
    Page<StoredSubscription> page =
        withCursor(() -> subscriptions.mine(user.userId(), cursor, limit));
    Map<String, ChannelSummary> byId =
        channels.channels(page.items().stream().map(StoredSubscription::channelId).toList());
    var listed = new ArrayList<SubscribedChannel>();
    for (StoredSubscription subscription : page.items()) {
      ChannelSummary channel = byId.get(subscription.channelId());
      if (channel != null) {
        listed.add(
            new SubscribedChannel(channel, subscription.preference(), subscription.createdAt()));
      }
    }
    return new Page<>(listed, page.nextCursor());
  }

  /**
   * The latest listable uploads of the caller's first {@code subscription.feedChannels} channels,
   * newest first: each channel's newest {@code limit} after the cursor, merged.
   */
  public Page<VideoCard> uploads(SessionUser user, String cursor, int limit) {
    VideoCatalog.Position before = cursor == null ? null : position(cursor);
    var merged = new ArrayList<VideoCard>();
    for (String channelId : subscriptions.channelsOf(user.userId(), feedChannels)) {
      merged.addAll(videos.newest(channelId, before, limit + 1));
    }
    merged.sort((a, b) -> position(b).compareTo(position(a)));
    boolean more = merged.size() > limit;
    List<VideoCard> page = more ? merged.subList(0, limit) : merged;
    String next = more ? encode(position(page.get(limit - 1))) : null;
    return new Page<>(page, next);
  }

  private static Subscription stateOf(ChannelSummary channel, Optional<StoredSubscription> mine) {
    return new Subscription(
        channel.id(),
        mine.isPresent(),
        mine.map(StoredSubscription::preference).orElse(null),
        channel.subscriberCount());
  }

  private static VideoCatalog.Position position(VideoCard card) {
    return new VideoCatalog.Position(card.video().createdAt(), card.video().id());
  }

  private static String encode(VideoCatalog.Position position) {
    return KeyCursor.encodeText(
        Map.of("createdAt", position.createdAt().toString(), "id", position.videoId()));
  }

  private static VideoCatalog.Position position(String cursor) {
    try {
      Map<String, String> key = KeyCursor.decodeText(cursor, java.util.Set.of("createdAt", "id"));
      return new VideoCatalog.Position(Instant.parse(key.get("createdAt")), key.get("id"));
    } catch (CommentStore.InvalidCursorException | java.time.format.DateTimeParseException e) {
      throw invalidCursor();
    }
  }

  private static <T> Page<T> withCursor(java.util.function.Supplier<Page<T>> query) {
    try {
      return query.get();
    } catch (CommentStore.InvalidCursorException e) {
      throw invalidCursor();
    }
  }

  static ApiException invalidCursor() {
    return ApiException.validation(
        List.of(new ValidationIssue("/cursor", "is not a cursor of this list")));
  }

  private static ApiException noChannel() {
    return new ApiException(ErrorCode.CHANNEL_NOT_FOUND, "There is no such channel");
  }

  private static ApiException tooFast() {
    return new ApiException(
        ErrorCode.CONFLICT, "Your subscription is changing too fast; please try again");
  }
}
