package dev.kinora.videos;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class MediaCookiesTest {
  private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

  private static Map<String, String> values(List<String> setCookies) {
    return setCookies.stream()
        .map(cookie -> cookie.split(";", 2)[0].split("=", 2))
        .collect(Collectors.toMap(pair -> pair[0], pair -> pair[1]));
  }

  private static byte[] cloudFrontDecode(String value) {
    return Base64.getDecoder().decode(value.replace('-', '+').replace('_', '=').replace('~', '/'));
  }

  @Test
  void theCookiesCarryAPolicyForTheVideosFolderSignedWithTheKeyGroupsKey() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair keys = generator.generateKeyPair();
    String pem =
        "-----BEGIN PRIVATE KEY-----\n"
            + Base64.getMimeEncoder().encodeToString(keys.getPrivate().getEncoded())
            + "\n-----END PRIVATE KEY-----\n";
    MediaCookies cookies = MediaCookies.of("K2JCJMDEHXQW5F", pem, Duration.ofHours(6));

    List<String> setCookies = cookies.issue("Abc123_-xyZ", NOW);
    Map<String, String> values = values(setCookies);

    assertThat(setCookies)
        .allSatisfy(
            cookie ->
                assertThat(cookie).contains("Path=/media/Abc123_-xyZ/", "HttpOnly", "Secure"));
    assertThat(values.get("CloudFront-Key-Pair-Id")).isEqualTo("K2JCJMDEHXQW5F");
    byte[] policy = cloudFrontDecode(values.get("CloudFront-Policy"));
    assertThat(new String(policy, StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"Statement\":[{\"Resource\":\"http*://*/media/Abc123_-xyZ/*\",\"Condition\":"
                + "{\"DateLessThan\":{\"AWS:EpochTime\":"
                + NOW.plus(Duration.ofHours(6)).getEpochSecond()
                + "}}}]}");
    Signature verifier = Signature.getInstance("SHA1withRSA");
    verifier.initVerify(keys.getPublic());
    verifier.update(policy);
    assertThat(verifier.verify(cloudFrontDecode(values.get("CloudFront-Signature")))).isTrue();
  }

  @Test
  void withoutAKeyNoCookiesAreIssued() {
    assertThat(MediaCookies.of("", "", Duration.ofHours(6)).issue("Abc123_-xyZ", NOW)).isEmpty();
    assertThat(MediaCookies.disabled().issue("Abc123_-xyZ", NOW)).isEmpty();
  }
}
