package dev.kinora.accounts;

import java.time.Instant;
import java.util.Optional;

/** Port: sessions by token hash. */
public interface SessionStore {

  void put(Session session);

  Optional<Session> find(String tokenHash);

  /** Moves the expiry (the TTL attribute) of an existing session. */
  void extend(String tokenHash, Instant expiresAt);

  void delete(String tokenHash);
}
