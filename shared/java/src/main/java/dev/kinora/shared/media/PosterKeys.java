package dev.kinora.shared.media;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a video's poster lives: {@code media/{videoId}/poster-{token}.jpg}, the one per-video media
 * object the CDN serves without signed cookies (template.yaml behaviour {@code
 * /media/*\/poster-*.jpg}) so listings can show it. The token is 128 bits from {@link SecureRandom}
 * (22 URL-safe base64 characters): knowing a video's id is not enough to load its poster, and when
 * the video becomes private the videos context moves the poster to a new token, so a URL learned
 * while it was public stops working. The transcode writes the first poster; both contexts use this
 * one definition of the key.
 */
public final class PosterKeys {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int TOKEN_BYTES = 16;
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{22}");
  private static final Pattern POSTER_FILE =
      Pattern.compile("poster-" + TOKEN.pattern() + "\\.jpg");

  private PosterKeys() {}

  /** A fresh token: 128 random bits, URL-safe base64 without padding. */
  public static String newToken() {
    byte[] bytes = new byte[TOKEN_BYTES];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** {@code poster-{token}.jpg}, the poster's name inside the video's media folder. */
  public static String fileName(String token) {
    if (!TOKEN.matcher(token).matches()) {
      throw new IllegalArgumentException("not a poster token: " + token);
    }
    return "poster-" + token + ".jpg";
  }

  /** Whether {@code fileName} is a poster's name ({@link #fileName}). */
  public static boolean isPosterFile(String fileName) {
    return POSTER_FILE.matcher(fileName).matches();
  }

  /** {@code media/{videoId}/poster-{token}.jpg}. */
  public static String key(String videoId, String token) {
    return "media/" + videoId + "/" + fileName(token);
  }

  /** The same-origin URL the row's {@code thumbnailUrl} holds: the key with a leading slash. */
  public static String url(String videoId, String token) {
    return "/" + key(videoId, token);
  }

  /**
   * The media-bucket key behind a row's {@code thumbnailUrl}, when it is a JPEG directly in the
   * video's own media folder (also the {@code thumbnail.jpg} of rows written before poster tokens):
   * anything else is never copied or deleted on the row's say-so.
   */
  public static Optional<String> keyOf(String videoId, String thumbnailUrl) {
    String folder = "/media/" + videoId + "/";
    if (thumbnailUrl == null || !thumbnailUrl.startsWith(folder)) {
      return Optional.empty();
    }
    String name = thumbnailUrl.substring(folder.length());
    if (!name.matches("[A-Za-z0-9_-][A-Za-z0-9_.-]*\\.jpg") || name.contains("..")) {
      return Optional.empty();
    }
    return Optional.of(thumbnailUrl.substring(1));
  }
}
