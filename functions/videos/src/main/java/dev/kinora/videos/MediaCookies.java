package dev.kinora.videos;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * CloudFront signed cookies for one video's media ({@code /media/{id}/*}): the CDN's media
 * behaviour trusts the stack's key group (template.yaml), so a browser reads renditions only with
 * cookies this function issued to a caller the viewing policy allowed. A custom policy ({@code
 * Resource} = any scheme and host, path {@code /media/{id}/*}, {@code DateLessThan}), signed
 * SHA1withRSA as CloudFront requires, base64 with CloudFront's URL-safe substitutions ({@code +} →
 * {@code -}, {@code =} → {@code _}, {@code /} → {@code ~}). The cookies' {@code Path} is the
 * video's folder, so cookies of several videos coexist in one browser.
 *
 * <p>Configured by {@code MEDIA_KEY_PAIR_ID} (the CloudFront public key id) and {@code
 * MEDIA_SIGNING_KEY} (its RSA private key, PKCS#8 PEM); without them ({@link #disabled()}, the
 * local cloud) no cookies are issued and the local front door asks the viewing policy itself.
 */
public final class MediaCookies {
  private final String keyPairId;
  private final PrivateKey key;
  private final Duration ttl;

  private MediaCookies(String keyPairId, PrivateKey key, Duration ttl) {
    this.keyPairId = keyPairId;
    this.key = key;
    this.ttl = ttl;
  }

  public static MediaCookies disabled() {
    return new MediaCookies(null, null, Duration.ZERO);
  }

  /** Signing cookies with {@code pem}; disabled when either value is empty. */
  public static MediaCookies of(String keyPairId, String pem, Duration ttl) {
    if (keyPairId == null || keyPairId.isBlank() || pem == null || pem.isBlank()) {
      return disabled();
    }
    return new MediaCookies(keyPairId, privateKey(pem), ttl);
  }

  /** The Set-Cookie values that let the caller read {@code /media/{videoId}/*} until now + ttl. */
  public List<String> issue(String videoId, Instant now) {
    if (key == null) {
      return List.of();
    }
    long expires = now.plus(ttl).getEpochSecond();
    String policy =
        "{\"Statement\":[{\"Resource\":\"http*://*/media/"
            + videoId
            + "/*\",\"Condition\":{\"DateLessThan\":{\"AWS:EpochTime\":"
            + expires
            + "}}}]}";
    byte[] bytes = policy.getBytes(StandardCharsets.UTF_8);
    String attributes =
        "; Path=/media/"
            + videoId
            + "/; Max-Age="
            + ttl.toSeconds()
            + "; HttpOnly; Secure; SameSite=Lax";
    return List.of(
        "CloudFront-Policy=" + cloudFrontBase64(bytes) + attributes,
        "CloudFront-Signature=" + cloudFrontBase64(sign(bytes)) + attributes,
        "CloudFront-Key-Pair-Id=" + keyPairId + attributes);
  }

  public Optional<String> keyPairId() {
    return Optional.ofNullable(keyPairId);
  }

  static String cloudFrontBase64(byte[] bytes) {
    return Base64.getEncoder()
        .encodeToString(bytes)
        .replace('+', '-')
        .replace('=', '_')
        .replace('/', '~');
  }

  private byte[] sign(byte[] policy) {
    try {
      Signature signature = Signature.getInstance("SHA1withRSA");
      signature.initSign(key);
      signature.update(policy);
      return signature.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign a media policy", e);
    }
  }

  private static PrivateKey privateKey(String pem) {
    String base64 =
        pem.replace("-----BEGIN PRIVATE KEY-----", "")
            .replace("-----END PRIVATE KEY-----", "")
            .replaceAll("\\s", "");
    try {
      return KeyFactory.getInstance("RSA")
          .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException("MEDIA_SIGNING_KEY is not a PKCS#8 RSA private key (PEM)", e);
    }
  }
}
