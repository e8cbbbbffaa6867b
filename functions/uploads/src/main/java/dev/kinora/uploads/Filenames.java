package dev.kinora.uploads;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * What becomes of the client's file name. It is metadata only: it never reaches a storage key, and
 * what is kept of it is stripped of control characters and path components.
 */
final class Filenames {
  /** The title of a video whose file name has nothing left to show. */
  static final String UNTITLED = "Untitled";

  private Filenames() {}

  /** The last path component without control characters: "../../etc/passwd.mp4" → "passwd.mp4". */
  static String sanitize(String filename) {
    String visible =
        filename
            .codePoints()
            .filter(c -> !Character.isISOControl(c))
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
            .toString();
    int slash = Math.max(visible.lastIndexOf('/'), visible.lastIndexOf('\\'));
    return visible.substring(slash + 1).strip();
  }

  /**
   * The placeholder title: the sanitized name without its extension, at most {@code maxLength}
   * characters (code points, never splitting a surrogate pair).
   */
  static String placeholderTitle(String filename, int maxLength) {
    String name = sanitize(filename);
    int dot = name.lastIndexOf('.');
    String title = (dot > 0 ? name.substring(0, dot) : name).strip();
    if (title.codePointCount(0, title.length()) > maxLength) {
      title = title.substring(0, title.offsetByCodePoints(0, maxLength)).strip();
    }
    return title.isEmpty() ? UNTITLED : title;
  }

  /**
   * The name as storage metadata: S3 sends metadata as HTTP headers, which carry ASCII only, so it
   * is percent-encoded (UTF-8).
   */
  static String asMetadata(String filename) {
    return URLEncoder.encode(sanitize(filename), StandardCharsets.UTF_8).replace("+", "%20");
  }
}
