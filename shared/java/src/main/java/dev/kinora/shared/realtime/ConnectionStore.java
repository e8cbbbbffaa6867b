package dev.kinora.shared.realtime;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Port: WebSocket connections and their video subscriptions (docs/data-model.md, ConnectionsTable).
 * The realtime function writes them; publishers read who to tell and forget connections API Gateway
 * says are gone.
 */
public interface ConnectionStore {

  /** Records an accepted connection of {@code userId}; it expires at {@code expiresAt}. */
  void open(String connectionId, String userId, Instant expiresAt);

  /** The user of a live connection; empty when it is unknown (closed, expired). */
  Optional<String> userOf(String connectionId);

  /** What {@link #subscribe} did. */
  enum Subscription {
    SUBSCRIBED,
    ALREADY_SUBSCRIBED,
    LIMIT_REACHED,
    NO_CONNECTION
  }

  /** Subscribes the connection to a video, at most {@code maxSubscriptions} per connection. */
  Subscription subscribe(String connectionId, String videoId, int maxSubscriptions);

  /** Ends a subscription; unknown subscriptions are ignored. */
  void unsubscribe(String connectionId, String videoId);

  /** The connections subscribed to a video, without a scan (index ByVideo). */
  List<String> subscribers(String videoId);

  /** The live connections of a signed-in user, without a scan (index ByUser). */
  List<String> connectionsOf(String userId);

  /** Forgets a connection and all its subscriptions ($disconnect, or a 410 from @connections). */
  void forget(String connectionId);
}
