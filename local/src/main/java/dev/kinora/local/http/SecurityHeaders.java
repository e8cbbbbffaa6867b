package dev.kinora.local.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The response headers a CloudFront {@code ResponseHeadersPolicy} adds, computed from its resolved
 * {@code ResponseHeadersPolicyConfig} the way CloudFront writes them, and a handler that adds them
 * to every response of the front door (on AWS every behaviour of the distribution names the
 * policy).
 */
public final class SecurityHeaders {
  private SecurityHeaders() {}

  /** Header name → value for {@code SecurityHeadersConfig} and {@code CustomHeadersConfig}. */
  public static Map<String, String> fromPolicyConfig(Map<?, ?> config) {
    Map<String, String> headers = new LinkedHashMap<>();
    if (config.get("SecurityHeadersConfig") instanceof Map<?, ?> security) {
      if (security.get("ContentSecurityPolicy") instanceof Map<?, ?> csp
          && csp.get("ContentSecurityPolicy") instanceof String value) {
        headers.put("Content-Security-Policy", value.strip());
      }
      if (security.get("ContentTypeOptions") instanceof Map<?, ?>) {
        headers.put("X-Content-Type-Options", "nosniff");
      }
      if (security.get("FrameOptions") instanceof Map<?, ?> frame
          && frame.get("FrameOption") instanceof String option) {
        headers.put("X-Frame-Options", option);
      }
      if (security.get("ReferrerPolicy") instanceof Map<?, ?> referrer
          && referrer.get("ReferrerPolicy") instanceof String policy) {
        headers.put("Referrer-Policy", policy);
      }
      if (security.get("StrictTransportSecurity") instanceof Map<?, ?> hsts) {
        StringBuilder value =
            new StringBuilder("max-age=").append(hsts.get("AccessControlMaxAgeSec"));
        if (isTrue(hsts.get("IncludeSubdomains"))) {
          value.append("; includeSubDomains");
        }
        if (isTrue(hsts.get("Preload"))) {
          value.append("; preload");
        }
        headers.put("Strict-Transport-Security", value.toString());
      }
      if (security.get("XSSProtection") instanceof Map<?, ?> xss) {
        headers.put(
            "X-XSS-Protection",
            isTrue(xss.get("Protection"))
                ? "1" + (isTrue(xss.get("ModeBlock")) ? "; mode=block" : "")
                : "0");
      }
    }
    if (config.get("CustomHeadersConfig") instanceof Map<?, ?> custom
        && custom.get("Items") instanceof List<?> items) {
      for (Object item : items) {
        if (item instanceof Map<?, ?> header
            && header.get("Header") instanceof String name
            && header.get("Value") != null) {
          headers.put(name, String.valueOf(header.get("Value")));
        }
      }
    }
    return headers;
  }

  private static boolean isTrue(Object value) {
    return Boolean.TRUE.equals(value) || "true".equalsIgnoreCase(String.valueOf(value));
  }

  /**
   * The headers of one cache behaviour: {@code pathPattern} in CloudFront's syntax ({@code *} any
   * characters, {@code ?} one; case-sensitive), or null for the default behaviour.
   */
  public record Behaviour(String pathPattern, Map<String, String> headers) {
    public Behaviour {
      headers = Map.copyOf(headers);
    }

    boolean matches(String path) {
      if (pathPattern == null) {
        return true;
      }
      var regex = new StringBuilder();
      for (char c : pathPattern.toCharArray()) {
        switch (c) {
          case '*' -> regex.append(".*");
          case '?' -> regex.append('.');
          default -> regex.append(java.util.regex.Pattern.quote(String.valueOf(c)));
        }
      }
      return path.matches(regex.toString());
    }
  }

  /**
   * Wraps {@code next} so every response carries the headers of the first behaviour whose pattern
   * matches the request path, as CloudFront picks the first matching cache behaviour (the default
   * one, with a null pattern, last).
   */
  public static Handler adding(List<Behaviour> behaviours, Handler next) {
    List<Behaviour> copy = List.copyOf(behaviours);
    return new Handler.Wrapper(next) {
      @Override
      public boolean handle(Request request, Response response, Callback callback)
          throws Exception {
        String path = request.getHttpURI().getPath();
        // Set before the origin answers: CloudFront's Override replaces an origin's value, and
        // no origin here sets these headers.
        copy.stream()
            .filter(behaviour -> behaviour.matches(path == null ? "/" : path))
            .findFirst()
            .ifPresent(
                behaviour ->
                    behaviour
                        .headers()
                        .forEach((name, value) -> response.getHeaders().put(name, value)));
        return super.handle(request, response, callback);
      }
    };
  }
}
