package dev.kinora.engagement;

import dev.kinora.shared.model.NotifyPreference;
import java.util.List;
import java.util.Optional;

/**
 * Port: subscriptions (EngagementTable {@code USER#<userId>} / {@code SUB#<channelId>}, index
 * SubscribersByChannel) and the channel's subscriberCount, changed together.
 */
public interface SubscriptionStore {

  /** The subscription, read consistently; empty when the user does not subscribe. */
  Optional<StoredSubscription> find(String userId, String channelId);

  /** What a conditional change did. */
  enum Outcome {
    APPLIED,
    /** The subscription changed in between (a concurrent request of the same user): read again. */
    STALE,
    /** The channel does not exist. */
    CHANNEL_MISSING
  }

  /** Creates it if absent, with the channel's subscriberCount + 1, in one transaction. */
  Outcome create(StoredSubscription subscription);

  /** Changes only the preference of an existing subscription (the count stays). */
  Outcome changePreference(String userId, String channelId, NotifyPreference preference);

  /**
   * Deletes an existing subscription with the channel's subscriberCount − 1, in one transaction.
   */
  Outcome remove(String userId, String channelId);

  /**
   * The user's subscriptions, by channel id.
   *
   * @throws CommentStore.InvalidCursorException if the cursor is not one of this list's
   */
  Page<StoredSubscription> mine(String userId, String cursor, int limit);

  /** The ids of the first {@code max} channels the user subscribes to (the uploads feed). */
  List<String> channelsOf(String userId, int max);

  /** One page of a channel's subscribers for the fan-out; {@code after} null = the first. */
  SubscriberPage subscribers(String channelId, String after, int limit);

  /** A page of subscribers and where the next page starts (null after the last). */
  record SubscriberPage(List<StoredSubscription> subscribers, String next) {
    public SubscriberPage {
      subscribers = List.copyOf(subscribers);
    }
  }
}
