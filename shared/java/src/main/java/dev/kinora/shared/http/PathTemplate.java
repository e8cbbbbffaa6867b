package dev.kinora.shared.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A path such as {@code /api/v1/uploads/{id}/parts}: literal segments match exactly, a {@code
 * {name}} segment matches one non-empty segment and captures it, percent-decoded.
 */
public record PathTemplate(String template, List<String> segments) {

  public PathTemplate {
    segments = List.copyOf(segments);
  }

  public static PathTemplate parse(String template) {
    if (!template.startsWith("/")) {
      throw new IllegalArgumentException("A path template starts with /: " + template);
    }
    return new PathTemplate(template, split(template));
  }

  /** The captured parameters if {@code path} matches, e.g. {@code {id=abc}}. */
  public Optional<Map<String, String>> match(String path) {
    List<String> actual = split(path);
    if (actual.size() != segments.size()) {
      return Optional.empty();
    }
    var parameters = new HashMap<String, String>();
    for (int i = 0; i < segments.size(); i++) {
      String expected = segments.get(i);
      String segment = actual.get(i);
      if (isParameter(expected)) {
        if (segment.isEmpty()) {
          return Optional.empty();
        }
        parameters.put(expected.substring(1, expected.length() - 1), decode(segment));
      } else if (!expected.equals(segment)) {
        return Optional.empty();
      }
    }
    return Optional.of(Map.copyOf(parameters));
  }

  private static boolean isParameter(String segment) {
    return segment.length() > 2 && segment.startsWith("{") && segment.endsWith("}");
  }

  private static List<String> split(String path) {
    return List.of(path.substring(path.startsWith("/") ? 1 : 0).split("/", -1));
  }

  /** Percent-decoding of a path segment, where (unlike in a query) {@code +} is a plus. */
  private static String decode(String segment) {
    try {
      return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformedEscape) {
      return segment;
    }
  }
}
