package dev.kinora.accounts;

import dev.kinora.shared.contract.ErrorCode;
import dev.kinora.shared.http.ApiException;
import dev.kinora.shared.http.SessionUser;
import dev.kinora.shared.log.Log;
import dev.kinora.shared.model.AvatarUpload;
import dev.kinora.shared.model.AvatarUploadRequest;
import dev.kinora.shared.ratelimit.RateLimiter;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/**
 * Channel avatars, uploaded by the browser straight to the media bucket: {@link #startUpload}
 * issues one key for the caller's channel and presigns a PUT bound to the declared type and size;
 * {@link #verify} lets a key become the avatar only if it is the issued one and the stored object
 * passes the rules again. The bytes never pass through the function.
 */
public final class AvatarService {
  private final AccountStore accounts;
  private final AvatarStorage storage;
  private final AvatarRules rules;
  private final RateLimiter rateLimiter;
  private final SecureRandom random;
  private final Clock clock;

  public AvatarService(
      AccountStore accounts,
      AvatarStorage storage,
      AvatarRules rules,
      RateLimiter rateLimiter,
      SecureRandom random,
      Clock clock) {
    this.accounts = accounts;
    this.storage = storage;
    this.rules = rules;
    this.rateLimiter = rateLimiter;
    this.random = random;
    this.clock = clock;
  }

  public AvatarRules rules() {
    return rules;
  }

  /** An avatar that passed every rule, ready to be stored on the channel. */
  public record VerifiedAvatar(String key, String url, String replacedKey) {}

  /**
   * Issues a new avatar key for the caller's own channel (replacing any earlier one) and presigns
   * its upload.
   *
   * @throws ApiException RATE_LIMITED, FILE_TOO_LARGE, UNSUPPORTED_FORMAT, CHANNEL_NOT_FOUND
   */
  public AvatarUpload startUpload(SessionUser user, AvatarUploadRequest request) {
    rateLimiter.check("avatarUpload", user.userId());
    var refusal = rules.refusalOfUpload(request.contentType(), request.size());
    if (refusal.isPresent()) {
      throw refusal.get();
    }
    String key = rules.newKey(user.channelId(), request.contentType(), random);
    AccountStore.IssuedAvatarKey issued =
        accounts
            .issueAvatarKey(user.channelId(), user.userId(), key)
            .orElseThrow(
                () ->
                    new ApiException(ErrorCode.CHANNEL_NOT_FOUND, "Your channel no longer exists"));
    // The superseded key can never be set any more; its object (if one was uploaded) goes.
    if (issued.supersededKey() != null) {
      discard(issued.supersededKey());
    }
    Instant expiresAt = clock.instant().plus(rules.limits().presignedUrlTtl());
    return new AvatarUpload(
        key,
        storage
            .presignPut(
                key, request.contentType(), request.size(), rules.limits().presignedUrlTtl())
            .toString(),
        "PUT",
        Map.of("Content-Type", request.contentType()),
        expiresAt);
  }

  /**
   * Checks that {@code key} may become the caller's avatar: issued last for their channel,
   * uploaded, small enough and of an allowed type. An uploaded object that breaks a rule is
   * deleted: it can never be used.
   *
   * @throws ApiException FORBIDDEN, UPLOAD_INCOMPLETE, FILE_TOO_LARGE, UNSUPPORTED_FORMAT,
   *     CHANNEL_NOT_FOUND
   */
  public VerifiedAvatar verify(SessionUser user, String key) {
    AccountStore.AvatarKeys keys =
        accounts
            .avatarKeys(user.channelId(), user.userId())
            .orElseThrow(
                () ->
                    new ApiException(ErrorCode.CHANNEL_NOT_FOUND, "Your channel no longer exists"));
    var wrongKey = rules.refusalOfKey(user.channelId(), key, keys.issued());
    if (wrongKey.isPresent()) {
      throw wrongKey.get();
    }
    var stored = storage.head(key);
    var badImage = rules.refusalOfStoredImage(stored);
    if (badImage.isPresent()) {
      if (stored.isPresent()) {
        discard(key);
      }
      throw badImage.get();
    }
    return new VerifiedAvatar(key, AvatarRules.urlOf(key), keys.current());
  }

  /**
   * Deletes an avatar object nobody can use any more. Best effort: a failure leaves an orphan in
   * the bucket, never a broken channel, so it must not fail the request that replaced it.
   */
  public void discard(String key) {
    try {
      storage.delete(key);
    } catch (RuntimeException e) {
      Log.warn("could not delete a replaced avatar", Map.of("avatarKey", key), e);
    }
  }
}
