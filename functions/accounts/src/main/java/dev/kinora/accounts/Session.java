package dev.kinora.accounts;

import java.time.Instant;

/**
 * A stored session. Only the SHA-256 of the token is kept: a leaked table does not leak usable
 * cookies. The user's channel and handle ride along so the authorizer answers with one read.
 */
public record Session(
    String tokenHash, String userId, String channelId, String handle, Instant expiresAt) {

  public boolean expiredAt(Instant now) {
    return !expiresAt.isAfter(now);
  }
}
