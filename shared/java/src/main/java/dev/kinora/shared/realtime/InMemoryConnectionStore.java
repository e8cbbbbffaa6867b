package dev.kinora.shared.realtime;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@link ConnectionStore} in memory, for unit tests of the realtime function and publishers. */
public final class InMemoryConnectionStore implements ConnectionStore {
  private record Open(String userId, Instant expiresAt, Set<String> videos) {}

  private final Map<String, Open> connections = new HashMap<>();
  private final Clock clock;

  public InMemoryConnectionStore(Clock clock) {
    this.clock = clock;
  }

  @Override
  public synchronized void open(String connectionId, String userId, Instant expiresAt) {
    connections.put(connectionId, new Open(userId, expiresAt, new LinkedHashSet<>()));
  }

  @Override
  public synchronized Optional<String> userOf(String connectionId) {
    return Optional.ofNullable(connections.get(connectionId))
        .filter(open -> open.expiresAt().isAfter(clock.instant()))
        .map(Open::userId);
  }

  @Override
  public synchronized Subscription subscribe(
      String connectionId, String videoId, int maxSubscriptions) {
    Open open = connections.get(connectionId);
    if (open == null) {
      return Subscription.NO_CONNECTION;
    }
    if (open.videos().contains(videoId)) {
      return Subscription.ALREADY_SUBSCRIBED;
    }
    if (open.videos().size() >= maxSubscriptions) {
      return Subscription.LIMIT_REACHED;
    }
    open.videos().add(videoId);
    return Subscription.SUBSCRIBED;
  }

  @Override
  public synchronized void unsubscribe(String connectionId, String videoId) {
    Optional.ofNullable(connections.get(connectionId)).ifPresent(o -> o.videos().remove(videoId));
  }

  @Override
  public synchronized List<String> subscribers(String videoId) {
    var subscribers = new ArrayList<String>();
    connections.forEach(
        (id, open) -> {
          if (open.videos().contains(videoId)) {
            subscribers.add(id);
          }
        });
    return subscribers;
  }

  @Override
  public synchronized List<String> connectionsOf(String userId) {
    var mine = new ArrayList<String>();
    connections.forEach(
        (id, open) -> {
          if (open.userId().equals(userId) && open.expiresAt().isAfter(clock.instant())) {
            mine.add(id);
          }
        });
    return mine;
  }

  @Override
  public synchronized void forget(String connectionId) {
    connections.remove(connectionId);
  }

  /** Whether the store still knows the connection (tests). */
  public synchronized boolean knows(String connectionId) {
    return connections.containsKey(connectionId);
  }
}
