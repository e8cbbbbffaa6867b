package dev.kinora.videos;

import dev.kinora.shared.http.ApiRequest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code kinora_viewer}: a random id that tells anonymous viewers apart for the view rule, so two
 * people behind one address are two viewers and one person is one viewer. HttpOnly, Secure,
 * SameSite=Lax, scoped to the video routes; it identifies a browser, never a person, and the view
 * ledger stores only its hash.
 */
final class ViewerCookie {
  static final String NAME = "kinora_viewer";
  private static final Pattern VALUE = Pattern.compile("[A-Za-z0-9_-]{22}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private ViewerCookie() {}

  /** The request's viewer id, if it carries a well-formed one. */
  static Optional<String> value(ApiRequest request) {
    return request.cookie(NAME).filter(value -> VALUE.matcher(value).matches());
  }

  /** A Set-Cookie value with a fresh id. */
  static String issue(int maxAgeDays) {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    return NAME
        + "="
        + id
        + "; HttpOnly; Secure; SameSite=Lax; Path=/api/v1/videos; Max-Age="
        + Duration.ofDays(maxAgeDays).toSeconds();
  }
}
