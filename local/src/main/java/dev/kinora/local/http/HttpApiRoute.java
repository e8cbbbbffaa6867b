package dev.kinora.local.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One route of the HTTP API, from a function's {@code HttpApi} event: {@code GET
 * /api/v1/videos/{id}}, {@code ANY /api/{proxy+}} or {@code $default}.
 *
 * @param authorizer the name of the Lambda authorizer that guards the route (the API's {@code
 *     Auth.DefaultAuthorizer} unless the event says {@code Auth: {Authorizer: NONE}} or names
 *     another), or null when the route is open
 */
public record HttpApiRoute(String functionId, String method, String path, String authorizer) {
  public static final String DEFAULT = "$default";

  public HttpApiRoute {
    method = method == null ? "ANY" : method.toUpperCase(Locale.ROOT);
  }

  /** An open route (no authorizer). */
  public HttpApiRoute(String functionId, String method, String path) {
    this(functionId, method, path, null);
  }

  /** A catch-all {@code $default} route. */
  public static HttpApiRoute catchAll(String functionId) {
    return new HttpApiRoute(functionId, "ANY", null);
  }

  /** This route guarded by the named authorizer (null: open). */
  public HttpApiRoute withAuthorizer(String authorizerName) {
    return new HttpApiRoute(functionId, method, path, authorizerName);
  }

  public boolean isDefault() {
    return path == null;
  }

  public String routeKey() {
    return isDefault() ? DEFAULT : method + " " + path;
  }

  /** Path parameters when the request matches, by name (decoded), else empty. */
  public Optional<Map<String, String>> match(String requestMethod, String rawPath) {
    if (!"ANY".equals(method) && !method.equalsIgnoreCase(requestMethod)) {
      return Optional.empty();
    }
    if (isDefault()) {
      return Optional.of(Map.of());
    }
    List<String> template = segments(path);
    List<String> actual = segments(rawPath);
    Map<String, String> parameters = new LinkedHashMap<>();
    for (int i = 0; i < template.size(); i++) {
      String segment = template.get(i);
      if (segment.startsWith("{") && segment.endsWith("+}")) {
        if (actual.size() <= i) {
          return Optional.empty();
        }
        String rest = String.join("/", actual.subList(i, actual.size()));
        parameters.put(segment.substring(1, segment.length() - 2), decode(rest));
        return Optional.of(parameters);
      }
      if (actual.size() <= i) {
        return Optional.empty();
      }
      if (segment.startsWith("{") && segment.endsWith("}")) {
        if (actual.get(i).isEmpty()) {
          return Optional.empty();
        }
        parameters.put(segment.substring(1, segment.length() - 1), decode(actual.get(i)));
      } else if (!segment.equals(actual.get(i))) {
        return Optional.empty();
      }
    }
    return actual.size() == template.size() ? Optional.of(parameters) : Optional.empty();
  }

  /**
   * Orders routes most specific first, as API Gateway picks them: exact literal paths, then
   * parameters, then greedy paths, then {@code $default}; a named method before {@code ANY}.
   */
  int specificity() {
    if (isDefault()) {
      return 0;
    }
    int score = 1_000_000;
    List<String> template = segments(path);
    boolean greedy = false;
    for (String segment : template) {
      if (segment.endsWith("+}")) {
        greedy = true;
      } else if (segment.startsWith("{")) {
        score += 100;
      } else {
        score += 1_000;
      }
    }
    if (greedy) {
      score -= 500_000;
    }
    return score + ("ANY".equals(method) ? 0 : 1);
  }

  private static List<String> segments(String path) {
    String trimmed = path.startsWith("/") ? path.substring(1) : path;
    return trimmed.isEmpty() ? List.of() : new ArrayList<>(List.of(trimmed.split("/", -1)));
  }

  private static String decode(String value) {
    return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
  }
}
