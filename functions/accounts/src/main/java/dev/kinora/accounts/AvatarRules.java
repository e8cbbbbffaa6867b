package dev.kinora.accounts;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kinora.shared.contract.ErrorCode;
import dev.kinora.shared.contract.Limits;
import dev.kinora.shared.http.ApiException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * Every rule about channel avatars in one place; each refusal carries the message the user reads.
 * An upload is refused by size (413) and type (415) before it is presigned; a key is accepted only
 * if it is the one issued last for the caller's own channel (403 otherwise); the stored object is
 * checked again before it becomes the avatar (409 not uploaded, 413, 415).
 */
public final class AvatarRules {
  /** Where avatars live in the media bucket; the CDN serves {@code /{key}}. */
  static final String PREFIX = "media/avatars/";

  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
  private static final int RANDOM_BYTES = 16;

  private final Limits.AvatarLimits limits;

  public AvatarRules(Limits.AvatarLimits limits) {
    this.limits = limits;
  }

  Limits.AvatarLimits limits() {
    return limits;
  }

  /** The first rule an image of this type and size breaks, before anything is presigned. */
  public Optional<ApiException> refusalOfUpload(String contentType, long size) {
    return tooLarge(size).or(() -> unsupported(contentType));
  }

  /**
   * The size or type refusal of a body the contract's schema refused, if {@code size} or {@code
   * contentType} is the reason; other issues stay the schema's VALIDATION_ERROR.
   */
  public Optional<ApiException> refusalOfInvalidBody(JsonNode body) {
    JsonNode size = body.path("size");
    JsonNode contentType = body.path("contentType");
    Optional<ApiException> tooLarge =
        size.isIntegralNumber() && size.canConvertToLong()
            ? tooLarge(size.longValue())
            : Optional.empty();
    return tooLarge.or(
        () -> contentType.isTextual() ? unsupported(contentType.textValue()) : Optional.empty());
  }

  /**
   * Whether {@code key} may become the avatar of {@code channelId}: only the key issued last for
   * that channel. A key under another channel's prefix says so, since that is what a user who
   * pasted one would need to hear.
   */
  public Optional<ApiException> refusalOfKey(String channelId, String key, String issuedKey) {
    if (!key.startsWith(prefixOf(channelId))) {
      return Optional.of(
          new ApiException(
              ErrorCode.FORBIDDEN, "This image was uploaded for another channel, not yours"));
    }
    if (!key.equals(issuedKey)) {
      return Optional.of(
          new ApiException(
              ErrorCode.FORBIDDEN,
              "This image upload was not issued for your channel, or a newer one replaced it;"
                  + " upload the image again"));
    }
    return Optional.empty();
  }

  /** Whether the object the browser uploaded may be shown: it exists, is small enough, an image. */
  public Optional<ApiException> refusalOfStoredImage(Optional<AvatarStorage.StoredImage> stored) {
    if (stored.isEmpty()) {
      return Optional.of(
          new ApiException(
              ErrorCode.UPLOAD_INCOMPLETE,
              "The image has not been uploaded yet; upload it to the URL you were given first"));
    }
    AvatarStorage.StoredImage image = stored.get();
    return tooLarge(image.size()).or(() -> unsupported(image.contentType()));
  }

  /**
   * A new key for an image of {@code contentType}: the channel's prefix, 128 random bits (so keys
   * cannot be guessed and every upload has its own, immutable, cacheable URL), the type's subtype
   * as extension.
   */
  String newKey(String channelId, String contentType, SecureRandom random) {
    byte[] bytes = new byte[RANDOM_BYTES];
    random.nextBytes(bytes);
    String subtype = contentType.substring(contentType.indexOf('/') + 1);
    return prefixOf(channelId)
        + BASE64URL.encodeToString(bytes)
        + "."
        + subtype.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
  }

  /** The URL path the CDN (and the local cloud's front door) serves the key at. */
  static String urlOf(String key) {
    return "/" + key;
  }

  private static String prefixOf(String channelId) {
    return PREFIX + channelId + "/";
  }

  private Optional<ApiException> tooLarge(long size) {
    if (size <= limits.maxFileSizeBytes()) {
      return Optional.empty();
    }
    return Optional.of(
        new ApiException(
            ErrorCode.FILE_TOO_LARGE,
            "The image is "
                + describeBytes(size)
                + "; avatars can be at most "
                + describeBytes(limits.maxFileSizeBytes())));
  }

  private Optional<ApiException> unsupported(String contentType) {
    if (limits.allowedMimeTypes().contains(contentType)) {
      return Optional.empty();
    }
    return Optional.of(
        new ApiException(
            ErrorCode.UNSUPPORTED_FORMAT,
            "Images of type "
                + (contentType.isBlank() ? "(none)" : contentType)
                + " cannot be avatars; use one of "
                + String.join(", ", limits.allowedMimeTypes())));
  }

  /** Bytes in KiB or MiB when that reads better, e.g. "2 MiB", "1.50 MiB", "900 bytes". */
  static String describeBytes(long bytes) {
    if (bytes < 1024) {
      return bytes + " bytes";
    }
    double kib = bytes / 1024.0;
    if (kib < 1024) {
      return format(kib) + " KiB";
    }
    return format(kib / 1024) + " MiB";
  }

  private static String format(double value) {
    return value == Math.rint(value)
        ? String.format(Locale.ROOT, "%.0f", value)
        : String.format(Locale.ROOT, "%.2f", value);
  }
}
