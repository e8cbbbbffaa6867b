package dev.kinora.accounts;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The {@code kinora_session} cookie: HttpOnly (no script reads it), Secure, SameSite=Lax (not sent
 * on cross-site subrequests), the whole site ({@code Path=/}), and a Max-Age matching the session.
 */
public final class SessionCookie {
  public static final String NAME = "kinora_session";
  private static final String ATTRIBUTES = "; HttpOnly; Secure; SameSite=Lax; Path=/";

  private SessionCookie() {}

  /** Sets the cookie until {@code expiresAt}. */
  public static String set(String token, Instant expiresAt, Instant now) {
    // rounded up: the session was stamped a few milliseconds before this line runs
    long maxAge = Math.max(0, Math.ceilDiv(Duration.between(now, expiresAt).toMillis(), 1000));
    return NAME + "=" + token + ATTRIBUTES + "; Max-Age=" + maxAge;
  }

  /** Deletes the cookie in the browser. */
  public static String clear() {
    return NAME + "=" + ATTRIBUTES + "; Max-Age=0";
  }

  /** The token from payload 2.0 {@code cookies} ({@code name=value} entries). */
  public static Optional<String> token(List<String> cookies) {
    if (cookies == null) {
      return Optional.empty();
    }
    String prefix = NAME + "=";
    return cookies.stream()
        .map(String::strip)
        .filter(cookie -> cookie.startsWith(prefix))
        .map(cookie -> cookie.substring(prefix.length()))
        .filter(token -> !token.isBlank())
        .findFirst();
  }
}
