package dev.kinora.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters.Builder;

/**
 * Argon2id password hashes in the PHC string format, {@code
 * $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>} (unpadded base64), the format libargon2 and most
 * libraries read: parameters and salt travel with the hash.
 */
public final class PasswordHasher {
  private static final int SALT_BYTES = 16;
  private static final int HASH_BYTES = 32;
  private static final Pattern ENCODED =
      Pattern.compile(
          "^\\$argon2id\\$v=19\\$m=(\\d+),t=(\\d+),p=(\\d+)\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)$");
  private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
  private static final Base64.Decoder B64_DECODER = Base64.getDecoder();

  private final Argon2Parameters parameters;
  private final SecureRandom random;

  /**
   * A hash of a random password, verified against when a sign-in names an unknown email, so that
   * answer takes as long as a wrong password for a known one.
   */
  private final String dummyHash;

  public PasswordHasher(Argon2Parameters parameters, SecureRandom random) {
    this.parameters = parameters;
    this.random = random;
    byte[] unguessable = new byte[32];
    random.nextBytes(unguessable);
    this.dummyHash = hash(B64.encodeToString(unguessable));
  }

  /** The encoded Argon2id hash of {@code password} with a fresh random salt. */
  public String hash(String password) {
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    byte[] hash = derive(password, salt, parameters, HASH_BYTES);
    return String.format(
        Locale.ROOT,
        "$argon2id$v=19$m=%d,t=%d,p=%d$%s$%s",
        parameters.memoryKiB(),
        parameters.iterations(),
        parameters.parallelism(),
        B64.encodeToString(salt),
        B64.encodeToString(hash));
  }

  /**
   * Whether {@code password} matches {@code encoded}, compared in constant time. A malformed hash
   * never matches.
   */
  public boolean verify(String password, String encoded) {
    Matcher m = ENCODED.matcher(encoded);
    if (!m.matches()) {
      return false;
    }
    var stored =
        new Argon2Parameters(
            Integer.parseInt(m.group(1)),
            Integer.parseInt(m.group(2)),
            Integer.parseInt(m.group(3)));
    byte[] salt = B64_DECODER.decode(m.group(4));
    byte[] expected = B64_DECODER.decode(m.group(5));
    byte[] actual = derive(password, salt, stored, expected.length);
    return MessageDigest.isEqual(expected, actual);
  }

  /** Spends the time of one verification, for unknown emails; always false. */
  public boolean verifyAgainstNothing(String password) {
    verify(password, dummyHash);
    return false;
  }

  private static byte[] derive(
      String password, byte[] salt, Argon2Parameters parameters, int length) {
    var generator = new Argon2BytesGenerator();
    generator.init(
        new Builder(org.bouncycastle.crypto.params.Argon2Parameters.ARGON2_id)
            .withVersion(org.bouncycastle.crypto.params.Argon2Parameters.ARGON2_VERSION_13)
            .withMemoryAsKB(parameters.memoryKiB())
            .withIterations(parameters.iterations())
            .withParallelism(parameters.parallelism())
            .withSalt(salt)
            .build());
    byte[] out = new byte[length];
    generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
    return out;
  }
}
