package dev.kinora.accounts;

import java.time.Instant;

/** An account: who signs in, with the channel it owns. The email is normalised. */
public record Account(
    String id,
    String email,
    String passwordHash,
    String channelId,
    String handle,
    Instant createdAt) {

  /** The hash stays out of logs. */
  @Override
  public String toString() {
    return "Account[id=" + id + ", email=" + email + ", handle=" + handle + "]";
  }
}
