package dev.kinora.accounts;

import dev.kinora.shared.contract.ErrorCode;
import dev.kinora.shared.contract.ValidationIssue;
import dev.kinora.shared.http.ApiException;
import dev.kinora.shared.http.SessionUser;
import dev.kinora.shared.model.Channel;
import dev.kinora.shared.model.ChannelUpdateRequest;
import dev.kinora.shared.model.LoginRequest;
import dev.kinora.shared.model.Me;
import dev.kinora.shared.model.SignupRequest;
import dev.kinora.shared.ratelimit.RateLimiter;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Accounts and channels: sign-up (account + channel in one transaction), sign-in, the signed-in
 * account, and the owner's channel edits. Requests arrive validated against the contract.
 */
public final class AccountService {
  /** One message for every failed sign-in: it never tells which part was wrong. */
  static final String LOGIN_REFUSED = "The email or password is incorrect";

  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  private final AccountStore accounts;
  private final SessionService sessions;
  private final PasswordHasher hasher;
  private final PasswordPolicy policy;
  private final RateLimiter rateLimiter;
  private final AvatarService avatars;
  private final SecureRandom random;
  private final Clock clock;

  public AccountService(
      AccountStore accounts,
      SessionService sessions,
      PasswordHasher hasher,
      PasswordPolicy policy,
      RateLimiter rateLimiter,
      AvatarService avatars,
      SecureRandom random,
      Clock clock) {
    this.accounts = accounts;
    this.avatars = avatars;
    this.sessions = sessions;
    this.hasher = hasher;
    this.policy = policy;
    this.rateLimiter = rateLimiter;
    this.random = random;
    this.clock = clock;
  }

  /** A signed-in account and the session that signs it in. */
  public record SignedIn(Me me, SessionService.NewSession session) {}

  /**
   * Creates the account and its channel and signs in.
   *
   * @throws ApiException RATE_LIMITED, VALIDATION_ERROR (common password), EMAIL_TAKEN or
   *     HANDLE_TAKEN
   */
  public SignedIn signup(SignupRequest request, String sourceIp) {
    rateLimiter.check("signup", sourceIp);
    Optional<ValidationIssue> refusal = policy.refusal(request.password());
    if (refusal.isPresent()) {
      throw ApiException.validation(List.of(refusal.get()));
    }
    String email = normalizeEmail(request.email());
    var account =
        new Account(
            newId("ac"),
            email,
            hasher.hash(request.password()),
            newId("ch"),
            request.handle(),
            clock.instant());
    var channel =
        new Channel(account.channelId(), account.handle(), request.displayName(), null, null, 0);
    return switch (accounts.create(account, channel)) {
      case AccountStore.Created created ->
          new SignedIn(new Me(account.id(), email, channel), sessions.start(account));
      case AccountStore.EmailTaken taken ->
          throw new ApiException(
              ErrorCode.EMAIL_TAKEN, "An account with this email already exists; sign in instead");
      case AccountStore.HandleTaken taken ->
          throw new ApiException(
              ErrorCode.HANDLE_TAKEN, "The handle @" + request.handle() + " is taken");
    };
  }

  /**
   * Signs in. Unknown email and wrong password answer alike, in about the same time.
   *
   * @throws ApiException RATE_LIMITED, or UNAUTHORIZED with {@link #LOGIN_REFUSED}
   */
  public SignedIn login(LoginRequest request, String sourceIp) {
    String email = normalizeEmail(request.email());
    rateLimiter.check("login", sourceIp, email);
    Optional<Account> account = accounts.findByEmail(email);
    boolean matches =
        account.isPresent()
            ? hasher.verify(request.password(), account.get().passwordHash())
            : hasher.verifyAgainstNothing(request.password());
    if (!matches) {
      throw new ApiException(ErrorCode.UNAUTHORIZED, LOGIN_REFUSED);
    }
    return new SignedIn(
        me(account.get(), sessions.rolesOf(account.get().id())), sessions.start(account.get()));
  }

  /** The signed-in account with its channel. */
  public Me me(SessionUser user) {
    return me(
        accounts
            .findById(user.userId())
            .orElseThrow(
                () ->
                    new ApiException(
                        ErrorCode.SESSION_EXPIRED, "This account no longer exists; sign in again")),
        user.roles());
  }

  /** A channel by id, or by handle (a leading @ is optional). */
  public Channel channel(String idOrHandle) {
    String key = idOrHandle.startsWith("@") ? idOrHandle.substring(1) : idOrHandle;
    Optional<Channel> channel =
        idOrHandle.startsWith("@") ? Optional.empty() : accounts.findChannel(key);
    return channel
        .or(() -> accounts.findChannelByHandle(key.toLowerCase(Locale.ROOT)))
        .orElseThrow(
            () -> new ApiException(ErrorCode.CHANNEL_NOT_FOUND, "No channel " + idOrHandle));
  }

  /**
   * Edits the caller's own channel: the channel comes from the session, never from the request. An
   * {@code avatarKey} must pass {@link AvatarService#verify}; the avatar it replaces is deleted.
   *
   * @throws ApiException CHANNEL_NOT_FOUND, or the avatar refusals of {@link AvatarService#verify}
   */
  public Channel updateMyChannel(SessionUser user, ChannelUpdateRequest update) {
    AvatarService.VerifiedAvatar avatar =
        update.avatarKey() == null ? null : avatars.verify(user, update.avatarKey());
    var edit =
        new AccountStore.ChannelEdit(
            update.name(),
            update.description(),
            avatar == null ? null : avatar.key(),
            avatar == null ? null : avatar.url());
    Optional<Channel> updated = accounts.updateChannel(user.channelId(), user.userId(), edit);
    if (updated.isEmpty()) {
      boolean exists = accounts.avatarKeys(user.channelId(), user.userId()).isPresent();
      throw exists && avatar != null
          // The key was issued and verified, but a newer upload or a concurrent edit used it up.
          ? new ApiException(
              ErrorCode.FORBIDDEN,
              "A newer avatar upload replaced this one, or it is already set; upload the image"
                  + " again")
          : new ApiException(ErrorCode.CHANNEL_NOT_FOUND, "Your channel no longer exists");
    }
    if (avatar != null
        && avatar.replacedKey() != null
        && !avatar.replacedKey().equals(avatar.key())) {
      avatars.discard(avatar.replacedKey());
    }
    return updated.get();
  }

  private Me me(Account account, Set<String> roles) {
    Channel channel =
        accounts
            .findChannel(account.channelId())
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "account " + account.id() + " has no channel " + account.channelId()));
    return Me.withRoles(account.id(), account.email(), channel, roles);
  }

  /** Emails compare trimmed and lower-cased, so Ada@Example.com and ada@example.com are one. */
  static String normalizeEmail(String email) {
    return email.strip().toLowerCase(Locale.ROOT);
  }

  private String newId(String prefix) {
    byte[] bytes = new byte[12];
    random.nextBytes(bytes);
    return prefix + "_" + BASE64URL.encodeToString(bytes);
  }
}
