package dev.kinora.accounts;

import dev.kinora.shared.http.SessionUser;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;

/**
 * Sessions: a random 256-bit token in the cookie, its SHA-256 in the table, a sliding expiry of
 * {@code account.sessionTtlDays}. Using a session pushes its expiry forward, at most once per
 * {@code account.sessionRefreshHours} so that most requests cost one read and no write.
 */
public final class SessionService {
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  private final SessionStore store;
  private final SecureRandom random;
  private final Clock clock;
  private final Duration ttl;
  private final Duration refreshEvery;
  private final AccountRoles roles;

  public SessionService(
      SessionStore store, SecureRandom random, Clock clock, Duration ttl, Duration refreshEvery) {
    this(store, random, clock, ttl, refreshEvery, AccountRoles.NONE);
  }

  /**
   * @param roles read on every resolution (the authorizer's answer is cached per Cookie header, so
   *     this is one read per session and cache period): a role granted or revoked with the
   *     command-line tool reaches live sessions without signing in again
   */
  public SessionService(
      SessionStore store,
      SecureRandom random,
      Clock clock,
      Duration ttl,
      Duration refreshEvery,
      AccountRoles roles) {
    this.roles = roles;
    this.store = store;
    this.random = random;
    this.clock = clock;
    this.ttl = ttl;
    this.refreshEvery = refreshEvery;
  }

  /** A new session's token (for the cookie only) and its expiry. */
  public record NewSession(String token, Instant expiresAt) {
    @Override
    public String toString() {
      return "NewSession[expiresAt=" + expiresAt + "]";
    }
  }

  /** What a session token turned out to be. */
  public sealed interface Lookup {}

  /** A live session; its expiry may just have been extended. */
  public record Active(SessionUser user) implements Lookup {}

  /** The token names no live session: it expired, was revoked, or never existed. */
  public record Expired() implements Lookup {}

  public Duration ttl() {
    return ttl;
  }

  /** Starts a session for {@code account}. */
  public NewSession start(Account account) {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String token = BASE64URL.encodeToString(bytes);
    Instant expiresAt = clock.instant().plus(ttl);
    store.put(
        new Session(hash(token), account.id(), account.channelId(), account.handle(), expiresAt));
    return new NewSession(token, expiresAt);
  }

  /** The session of {@code token}, extending it when its last extension is old enough. */
  public Lookup resolve(String token) {
    Instant now = clock.instant();
    String tokenHash = hash(token);
    var found = store.find(tokenHash);
    if (found.isEmpty() || found.get().expiredAt(now)) {
      return new Expired();
    }
    Session session = found.get();
    Instant expiresAt = session.expiresAt();
    Instant slid = now.plus(ttl);
    if (Duration.between(expiresAt, slid).compareTo(refreshEvery) >= 0) {
      store.extend(tokenHash, slid);
      expiresAt = slid;
    }
    return new Active(
        new SessionUser(
            session.userId(),
            session.channelId(),
            session.handle(),
            expiresAt.getEpochSecond(),
            roles.rolesOf(session.userId())));
  }

  /** The roles of an account as the sessions see them (sign-in answers them with the account). */
  public Set<String> rolesOf(String accountId) {
    return roles.rolesOf(accountId);
  }

  /** Ends the session of {@code token} server-side; unknown tokens are ignored. */
  public void end(String token) {
    store.delete(hash(token));
  }

  /** SHA-256 of the token, base64url: the table key. */
  static String hash(String token) {
    try {
      return BASE64URL.encodeToString(
          MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
