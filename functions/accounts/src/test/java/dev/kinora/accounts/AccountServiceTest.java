package dev.kinora.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.kinora.local.testing.MutableClock;
import dev.kinora.shared.contract.Contract;
import dev.kinora.shared.contract.ErrorCode;
import dev.kinora.shared.http.ApiException;
import dev.kinora.shared.http.SessionUser;
import dev.kinora.shared.model.ChannelUpdateRequest;
import dev.kinora.shared.model.LoginRequest;
import dev.kinora.shared.model.Me;
import dev.kinora.shared.model.SignupRequest;
import dev.kinora.shared.ratelimit.InMemoryRateLimitCounter;
import dev.kinora.shared.ratelimit.RateLimiter;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AccountServiceTest {
  private static final String IP = "198.51.100.7";
  private static final String PASSWORD = "a long and quiet river";

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T12:00:10Z"));
  private final InMemoryAccountStore store = new InMemoryAccountStore();
  private final InMemorySessionStore sessionStore = new InMemorySessionStore();
  private final SecureRandom random = new SecureRandom();
  private final SessionService sessions =
      new SessionService(sessionStore, random, clock, Duration.ofDays(30), Duration.ofHours(24));
  private final RateLimiter rateLimiter =
      new RateLimiter(Contract.load().limits(), new InMemoryRateLimitCounter(), clock);
  private final AccountService accounts =
      new AccountService(
          store,
          sessions,
          new PasswordHasher(Argon2Parameters.FOR_TESTS, random),
          PasswordPolicy.bundled(),
          rateLimiter,
          new AvatarService(
              store,
              new FakeAvatarStorage(),
              new AvatarRules(Contract.load().limits().channel().avatar()),
              rateLimiter,
              random,
              clock),
          random,
          clock);

  private AccountService.SignedIn signup(String email, String handle, String ip) {
    return accounts.signup(new SignupRequest(email, PASSWORD, "Ada Lovelace", handle), ip);
  }

  private static ErrorCode codeOf(Throwable e) {
    return ((ApiException) e).code();
  }

  @Test
  void signupCreatesTheAccountWithItsChannelAndSignsIn() {
    AccountService.SignedIn signedIn = signup("  Ada@Example.COM ", "ada", IP);

    Me me = signedIn.me();
    assertThat(me.email()).isEqualTo("ada@example.com");
    assertThat(me.channel().handle()).isEqualTo("ada");
    assertThat(me.channel().name()).isEqualTo("Ada Lovelace");
    assertThat(store.findByEmail("ada@example.com")).isPresent();
    assertThat(sessions.resolve(signedIn.session().token()))
        .isInstanceOf(SessionService.Active.class);
    assertThat(store.findByEmail("ada@example.com").orElseThrow().passwordHash())
        .startsWith("$argon2id$")
        .doesNotContain(PASSWORD);
  }

  @Test
  void duplicateEmailInAnotherCaseIsEmailTaken() {
    signup("ada@example.com", "ada", IP);

    assertThatThrownBy(() -> signup("ADA@example.com", "ada2", "198.51.100.8"))
        .satisfies(e -> assertThat(codeOf(e)).isEqualTo(ErrorCode.EMAIL_TAKEN));
  }

  @Test
  void duplicateHandleIsHandleTaken() {
    signup("ada@example.com", "ada", IP);

    assertThatThrownBy(() -> signup("grace@example.com", "ada", "198.51.100.8"))
        .satisfies(e -> assertThat(codeOf(e)).isEqualTo(ErrorCode.HANDLE_TAKEN));
  }

  @Test
  void commonPasswordIsRefusedOnThePasswordField() {
    assertThatThrownBy(
            () ->
                accounts.signup(
                    new SignupRequest("ada@example.com", "Password123", "Ada", "ada"), IP))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_ERROR);
              assertThat(e.details().orElseThrow().issues())
                  .extracting(issue -> issue.path())
                  .containsExactly("/password");
            });
    assertThat(store.findByEmail("ada@example.com")).isEmpty();
  }

  @Test
  void wrongPasswordAndUnknownEmailAnswerTheSameMessage() {
    signup("ada@example.com", "ada", IP);

    Throwable wrongPassword =
        catchThrowable(
            () -> accounts.login(new LoginRequest("ada@example.com", "not the password"), IP));
    Throwable unknownEmail =
        catchThrowable(() -> accounts.login(new LoginRequest("nobody@example.com", PASSWORD), IP));

    assertThat(codeOf(wrongPassword)).isEqualTo(ErrorCode.UNAUTHORIZED);
    assertThat(codeOf(unknownEmail)).isEqualTo(ErrorCode.UNAUTHORIZED);
    assertThat(wrongPassword.getMessage()).isEqualTo(unknownEmail.getMessage());
  }

  @Test
  void loginWithTheRightPasswordStartsASession() {
    signup("ada@example.com", "ada", IP);

    AccountService.SignedIn signedIn =
        accounts.login(new LoginRequest(" ADA@example.com", PASSWORD), IP);

    assertThat(signedIn.me().channel().handle()).isEqualTo("ada");
    assertThat(signedIn.session().token()).hasSize(43);
  }

  @Test
  void sixthLoginWithinAMinuteIsRateLimited() {
    for (int i = 0; i < 5; i++) {
      assertThatThrownBy(() -> accounts.login(new LoginRequest("ada@example.com", "wrong"), IP))
          .satisfies(e -> assertThat(codeOf(e)).isEqualTo(ErrorCode.UNAUTHORIZED));
    }

    assertThatThrownBy(() -> accounts.login(new LoginRequest("ada@example.com", PASSWORD), IP))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.RATE_LIMITED);
              assertThat(e.details().orElseThrow().retryAfterSeconds()).isEqualTo(50);
            });
  }

  @Test
  void aChannelIsFoundByIdOrHandle() {
    Me me = signup("ada@example.com", "ada", IP).me();

    assertThat(accounts.channel(me.channel().id())).isEqualTo(me.channel());
    assertThat(accounts.channel("ada")).isEqualTo(me.channel());
    assertThat(accounts.channel("@ada")).isEqualTo(me.channel());
    assertThatThrownBy(() -> accounts.channel("nobody"))
        .satisfies(e -> assertThat(codeOf(e)).isEqualTo(ErrorCode.CHANNEL_NOT_FOUND));
  }

  @Test
  void anEditChangesOnlyTheCallersOwnChannel() {
    Me ada = signup("ada@example.com", "ada", IP).me();
    Me grace = signup("grace@example.com", "grace", "198.51.100.8").me();

    accounts.updateMyChannel(
        new SessionUser(grace.userId(), grace.channel().id(), "grace", 0),
        new ChannelUpdateRequest("Grace's channel", "Compilers"));

    assertThat(accounts.channel("grace").name()).isEqualTo("Grace's channel");
    assertThat(accounts.channel("grace").description()).isEqualTo("Compilers");
    assertThat(accounts.channel("ada")).isEqualTo(ada.channel());
  }

  @Test
  void aSessionUserCannotEditAChannelItDoesNotOwn() {
    Me ada = signup("ada@example.com", "ada", IP).me();
    Me grace = signup("grace@example.com", "grace", "198.51.100.8").me();

    assertThatThrownBy(
            () ->
                accounts.updateMyChannel(
                    new SessionUser(grace.userId(), ada.channel().id(), "ada", 0),
                    new ChannelUpdateRequest("Stolen", null)))
        .satisfies(e -> assertThat(codeOf(e)).isEqualTo(ErrorCode.CHANNEL_NOT_FOUND));
    assertThat(accounts.channel("ada").name()).isEqualTo("Ada Lovelace");
  }
}
