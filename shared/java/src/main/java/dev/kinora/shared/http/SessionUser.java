package dev.kinora.shared.http;

import java.util.Set;

/**
 * The signed-in caller as the session authorizer described it in {@code
 * requestContext.authorizer.lambda}: the only place handlers learn who is calling.
 *
 * @param sessionExpiresAt when the session expires (epoch seconds), for the cookie's Max-Age
 * @param roles the account's roles ({@link #ADMIN}), granted only by the operator's command-line
 *     tool; read from the account by the authorizer, so a grant or revocation reaches a session
 *     within the authorizer's cache time
 */
public record SessionUser(
    String userId, String channelId, String handle, long sessionExpiresAt, Set<String> roles) {
  /** The moderators' role. */
  public static final String ADMIN = "admin";

  public SessionUser {
    roles = roles == null ? Set.of() : Set.copyOf(roles);
  }

  /** A caller without roles. */
  public SessionUser(String userId, String channelId, String handle, long sessionExpiresAt) {
    this(userId, channelId, handle, sessionExpiresAt, Set.of());
  }

  public boolean isAdmin() {
    return roles.contains(ADMIN);
  }
}
