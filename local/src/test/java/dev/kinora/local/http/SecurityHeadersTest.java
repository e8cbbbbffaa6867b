package dev.kinora.local.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecurityHeadersTest {
  @Test
  void aResponseHeadersPolicyBecomesTheHeadersCloudFrontWrites() {
    Map<String, Object> config =
        Map.of(
            "SecurityHeadersConfig",
            Map.of(
                "ContentSecurityPolicy",
                Map.of("ContentSecurityPolicy", " default-src 'self' ", "Override", true),
                "ContentTypeOptions",
                Map.of("Override", true),
                "FrameOptions",
                Map.of("FrameOption", "DENY", "Override", true),
                "ReferrerPolicy",
                Map.of("ReferrerPolicy", "no-referrer", "Override", true),
                "StrictTransportSecurity",
                Map.of(
                    "AccessControlMaxAgeSec",
                    31536000,
                    "IncludeSubdomains",
                    true,
                    "Preload",
                    false),
                "XSSProtection",
                Map.of("Protection", true, "ModeBlock", true)),
            "CustomHeadersConfig",
            Map.of("Items", List.of(Map.of("Header", "Permissions-Policy", "Value", "camera=()"))));

    assertThat(SecurityHeaders.fromPolicyConfig(config))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "Content-Security-Policy", "default-src 'self'",
                "X-Content-Type-Options", "nosniff",
                "X-Frame-Options", "DENY",
                "Referrer-Policy", "no-referrer",
                "Strict-Transport-Security", "max-age=31536000; includeSubDomains",
                "X-XSS-Protection", "1; mode=block",
                "Permissions-Policy", "camera=()"));
  }

  @Test
  void behavioursMatchPathsTheWayCloudFrontPatternsDo() {
    var embed = new SecurityHeaders.Behaviour("/embed/*", Map.of());
    var poster = new SecurityHeaders.Behaviour("/media/*/poster-*.jpg", Map.of());
    var fallback = new SecurityHeaders.Behaviour(null, Map.of());

    assertThat(embed.matches("/embed/abc")).isTrue();
    assertThat(embed.matches("/embedded")).isFalse();
    assertThat(embed.matches("/EMBED/abc")).isFalse();
    assertThat(poster.matches("/media/abc/poster-Zm9vYmFyYmF6cXV4cXV1eA.jpg")).isTrue();
    assertThat(poster.matches("/media/abc/poster-Zm9vxjpg")).isFalse();
    assertThat(poster.matches("/media/abc/thumbnail.jpg")).isFalse();
    assertThat(fallback.matches("/anything")).isTrue();
  }

  @Test
  void aPolicyWithoutSecurityOrCustomHeadersAddsNothing() {
    assertThat(SecurityHeaders.fromPolicyConfig(Map.of("Name", "cors-only"))).isEmpty();
  }
}
