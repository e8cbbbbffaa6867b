package dev.kinora.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.kinora.local.testing.MutableClock;
import dev.kinora.shared.contract.Contract;
import dev.kinora.shared.contract.ErrorCode;
import dev.kinora.shared.http.ApiException;
import dev.kinora.shared.http.SessionUser;
import dev.kinora.shared.json.Json;
import dev.kinora.shared.model.AvatarUpload;
import dev.kinora.shared.model.AvatarUploadRequest;
import dev.kinora.shared.model.Channel;
import dev.kinora.shared.model.ChannelUpdateRequest;
import dev.kinora.shared.ratelimit.InMemoryRateLimitCounter;
import dev.kinora.shared.ratelimit.RateLimiter;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The avatar rules, driven through the services over in-memory ports. */
class AvatarServiceTest {
  private static final Contract CONTRACT = Contract.load();
  private static final long MAX = CONTRACT.limits().channel().avatar().maxFileSizeBytes();

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T12:00:10Z"));
  private final InMemoryAccountStore store = new InMemoryAccountStore();
  private final FakeAvatarStorage storage = new FakeAvatarStorage();
  private final SecureRandom random = new SecureRandom();
  private final RateLimiter rateLimiter =
      new RateLimiter(CONTRACT.limits(), new InMemoryRateLimitCounter(), clock);
  private final AvatarService avatars =
      new AvatarService(
          store,
          storage,
          new AvatarRules(CONTRACT.limits().channel().avatar()),
          rateLimiter,
          random,
          clock);
  private final AccountService accounts =
      new AccountService(
          store,
          new SessionService(
              new InMemorySessionStore(), random, clock, Duration.ofDays(30), Duration.ofHours(24)),
          new PasswordHasher(Argon2Parameters.FOR_TESTS, random),
          PasswordPolicy.bundled(),
          rateLimiter,
          avatars,
          random,
          clock);

  private final SessionUser ada = account("ada");
  private final SessionUser grace = account("grace");

  private SessionUser account(String handle) {
    String userId = "ac_" + handle;
    String channelId = "ch_" + handle;
    store.create(
        new Account(userId, handle + "@example.com", "hash", channelId, handle, clock.instant()),
        new Channel(channelId, handle, "Name of " + handle, null, null, 0));
    return new SessionUser(userId, channelId, handle, 0);
  }

  private AvatarUpload presign(SessionUser user, String type, long size) {
    return avatars.startUpload(user, new AvatarUploadRequest(type, size));
  }

  private Channel setAvatar(SessionUser user, String key) {
    return accounts.updateMyChannel(user, new ChannelUpdateRequest(null, null, key));
  }

  private static ErrorCode codeOf(Throwable e) {
    assertThat(e).isInstanceOf(ApiException.class);
    return ((ApiException) e).code();
  }

  @Test
  void aPresignedUploadHasAServerChosenKeyUnderTheCallersChannelAndAShortLife() {
    AvatarUpload upload = presign(ada, "image/png", 2048);

    assertThat(upload.avatarKey()).matches("media/avatars/ch_ada/[A-Za-z0-9_-]{22}\\.png");
    assertThat(upload.method()).isEqualTo("PUT");
    assertThat(upload.headers()).isEqualTo(Map.of("Content-Type", "image/png"));
    assertThat(upload.expiresAt())
        .isEqualTo(
            clock
                .instant()
                .plusSeconds(CONTRACT.limits().channel().avatar().presignedUrlTtlSeconds()));
    assertThat(CONTRACT.validate("AvatarUpload", Json.tree(upload))).isEmpty();
    assertThat(presign(ada, "image/png", 2048).avatarKey()).isNotEqualTo(upload.avatarKey());
  }

  @Test
  void anImageOverTheSizeLimitIsRefusedWithFileTooLarge() {
    var refusal = catchThrowable(() -> presign(ada, "image/png", MAX + 1));

    assertThat(codeOf(refusal)).isEqualTo(ErrorCode.FILE_TOO_LARGE);
    assertThat(refusal).hasMessageContaining("at most 2 MiB");
    assertThat(storage.presigned).isEmpty();
  }

  @Test
  void anImageTypeOutsideTheAllowedListIsUnsupportedFormat() {
    var refusal = catchThrowable(() -> presign(ada, "image/svg+xml", 100));

    assertThat(codeOf(refusal)).isEqualTo(ErrorCode.UNSUPPORTED_FORMAT);
    assertThat(refusal).hasMessageContaining("image/jpeg, image/png, image/webp");
  }

  @Test
  void theRulesMapAnOversizedOrWrongTypeBodyToTheirOwnCodes() {
    var rules = avatars.rules();

    assertThat(
            rules.refusalOfInvalidBody(
                Json.tree(Map.of("contentType", "image/png", "size", MAX + 1))))
        .get()
        .satisfies(e -> assertThat(e.code()).isEqualTo(ErrorCode.FILE_TOO_LARGE));
    assertThat(rules.refusalOfInvalidBody(Json.tree(Map.of("contentType", "text/html", "size", 5))))
        .get()
        .satisfies(e -> assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED_FORMAT));
    assertThat(rules.refusalOfInvalidBody(Json.tree(Map.of("contentType", "image/png", "size", 0))))
        .isEmpty();
  }

  @Test
  void anIssuedAndUploadedImageBecomesTheAvatarServedUnderMedia() {
    AvatarUpload upload = presign(ada, "image/webp", 4096);
    storage.store(upload.avatarKey(), "image/webp", 4096);

    Channel channel = setAvatar(ada, upload.avatarKey());

    assertThat(channel.avatarUrl())
        .isEqualTo("/" + upload.avatarKey())
        .startsWith("/media/avatars/");
    assertThat(accounts.channel("ada").avatarUrl()).isEqualTo(channel.avatarUrl());
  }

  @Test
  void aKeyIssuedForAnotherChannelIsForbidden() {
    AvatarUpload adas = presign(ada, "image/png", 100);
    storage.store(adas.avatarKey(), "image/png", 100);

    var refusal = catchThrowable(() -> setAvatar(grace, adas.avatarKey()));

    assertThat(codeOf(refusal)).isEqualTo(ErrorCode.FORBIDDEN);
    assertThat(refusal).hasMessageContaining("another channel");
    assertThat(accounts.channel("grace").avatarUrl()).isNull();
    assertThat(accounts.channel("ada").avatarUrl()).isNull();
  }

  @Test
  void aKeyUnderTheOwnPrefixThatWasNeverIssuedIsForbidden() {
    String made = "media/avatars/ch_ada/AAAAAAAAAAAAAAAAAAAAAA.png";
    storage.store(made, "image/png", 100);

    assertThat(codeOf(catchThrowable(() -> setAvatar(ada, made)))).isEqualTo(ErrorCode.FORBIDDEN);
  }

  @Test
  void aNewerUploadSupersedesTheEarlierKeyAndDeletesItsObject() {
    AvatarUpload first = presign(ada, "image/png", 100);
    storage.store(first.avatarKey(), "image/png", 100);

    AvatarUpload second = presign(ada, "image/png", 100);

    assertThat(storage.deleted).containsExactly(first.avatarKey());
    assertThat(codeOf(catchThrowable(() -> setAvatar(ada, first.avatarKey()))))
        .isEqualTo(ErrorCode.FORBIDDEN);
    storage.store(second.avatarKey(), "image/png", 100);
    assertThat(setAvatar(ada, second.avatarKey()).avatarUrl()).endsWith(second.avatarKey());
  }

  @Test
  void anIssuedKeyWithNothingUploadedYetIsUploadIncomplete() {
    AvatarUpload upload = presign(ada, "image/png", 100);

    assertThat(codeOf(catchThrowable(() -> setAvatar(ada, upload.avatarKey()))))
        .isEqualTo(ErrorCode.UPLOAD_INCOMPLETE);
    storage.store(upload.avatarKey(), "image/png", 100);
    assertThat(setAvatar(ada, upload.avatarKey()).avatarUrl()).isNotNull();
  }

  @Test
  void aStoredObjectThatIsNotAnAllowedImageIsRefusedAndDeleted() {
    AvatarUpload upload = presign(ada, "image/png", 100);
    storage.store(upload.avatarKey(), "text/html", 100);

    assertThat(codeOf(catchThrowable(() -> setAvatar(ada, upload.avatarKey()))))
        .isEqualTo(ErrorCode.UNSUPPORTED_FORMAT);
    assertThat(storage.holds(upload.avatarKey())).isFalse();
  }

  @Test
  void aStoredObjectOverTheLimitIsRefusedAndDeleted() {
    AvatarUpload upload = presign(ada, "image/png", 100);
    storage.store(upload.avatarKey(), "image/png", MAX + 1);

    assertThat(codeOf(catchThrowable(() -> setAvatar(ada, upload.avatarKey()))))
        .isEqualTo(ErrorCode.FILE_TOO_LARGE);
    assertThat(storage.holds(upload.avatarKey())).isFalse();
  }

  @Test
  void anIssuedKeyCanBeSetOnlyOnce() {
    AvatarUpload upload = presign(ada, "image/png", 100);
    storage.store(upload.avatarKey(), "image/png", 100);
    setAvatar(ada, upload.avatarKey());

    assertThat(codeOf(catchThrowable(() -> setAvatar(ada, upload.avatarKey()))))
        .isEqualTo(ErrorCode.FORBIDDEN);
  }

  @Test
  void replacingTheAvatarDeletesTheImageItReplaced() {
    AvatarUpload first = presign(ada, "image/png", 100);
    storage.store(first.avatarKey(), "image/png", 100);
    setAvatar(ada, first.avatarKey());
    AvatarUpload second = presign(ada, "image/jpeg", 200);
    storage.store(second.avatarKey(), "image/jpeg", 200);

    setAvatar(ada, second.avatarKey());

    assertThat(storage.holds(first.avatarKey())).isFalse();
    assertThat(storage.holds(second.avatarKey())).isTrue();
    assertThat(accounts.channel("ada").avatarUrl()).isEqualTo("/" + second.avatarKey());
  }

  @Test
  void presigningIsRateLimitedPerUser() {
    int allowed = CONTRACT.limits().rateLimit("avatarUpload").requests();
    for (int i = 0; i < allowed; i++) {
      presign(ada, "image/png", 100);
    }

    assertThat(codeOf(catchThrowable(() -> presign(ada, "image/png", 100))))
        .isEqualTo(ErrorCode.RATE_LIMITED);
    assertThat(presign(grace, "image/png", 100).avatarKey()).startsWith("media/avatars/ch_grace/");
  }
}
