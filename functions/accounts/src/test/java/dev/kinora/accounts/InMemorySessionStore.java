package dev.kinora.accounts;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Sessions in memory; {@link #writes} counts puts and extensions. */
final class InMemorySessionStore implements SessionStore {
  final Map<String, Session> sessions = new ConcurrentHashMap<>();
  int writes;

  @Override
  public void put(Session session) {
    writes++;
    sessions.put(session.tokenHash(), session);
  }

  @Override
  public Optional<Session> find(String tokenHash) {
    return Optional.ofNullable(sessions.get(tokenHash));
  }

  @Override
  public void extend(String tokenHash, Instant expiresAt) {
    writes++;
    sessions.computeIfPresent(
        tokenHash,
        (hash, s) -> new Session(hash, s.userId(), s.channelId(), s.handle(), expiresAt));
  }

  @Override
  public void delete(String tokenHash) {
    sessions.remove(tokenHash);
  }
}
