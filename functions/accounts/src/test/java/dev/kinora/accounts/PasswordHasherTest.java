package dev.kinora.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {
  private final PasswordHasher hasher =
      new PasswordHasher(Argon2Parameters.FOR_TESTS, new SecureRandom());

  @Test
  void aHashVerifiesItsPasswordOnlyAndCarriesItsParametersAndSalt() {
    String hash = hasher.hash("a long and quiet river");

    assertThat(hash).matches("\\$argon2id\\$v=19\\$m=64,t=1,p=1\\$[A-Za-z0-9+/]{22}\\$.+");
    assertThat(hasher.verify("a long and quiet river", hash)).isTrue();
    assertThat(hasher.verify("a long and quiet rivers", hash)).isFalse();
    assertThat(hasher.hash("a long and quiet river")).as("fresh salt").isNotEqualTo(hash);
  }

  @Test
  void aHashVerifiesWithTheParametersItWasMadeWith() {
    String cheap = hasher.hash("a long and quiet river");
    var stronger = new PasswordHasher(new Argon2Parameters(128, 2, 1), new SecureRandom());

    assertThat(stronger.verify("a long and quiet river", cheap)).isTrue();
  }

  @Test
  void aMalformedHashNeverMatches() {
    assertThat(hasher.verify("x", "$2a$10$notargon")).isFalse();
    assertThat(hasher.verifyAgainstNothing("x")).isFalse();
  }

  @Test
  void owaspParametersHashInWellUnderASecond() {
    var owasp = new PasswordHasher(Argon2Parameters.OWASP, new SecureRandom());
    owasp.hash("warm-up password"); // JIT and first allocation of 19 MiB
    int rounds = 5;
    long start = System.nanoTime();
    for (int i = 0; i < rounds; i++) {
      owasp.hash("a long and quiet river");
    }
    long millis = (System.nanoTime() - start) / 1_000_000 / rounds;
    String hash = owasp.hash("a long and quiet river");
    long verifyStart = System.nanoTime();
    assertThat(owasp.verify("a long and quiet river", hash)).isTrue();
    long verifyMillis = (System.nanoTime() - verifyStart) / 1_000_000;

    System.out.printf(
        "Argon2id m=19456 KiB, t=2, p=1: %d ms per hash (mean of %d), %d ms per verification%n",
        millis, rounds, verifyMillis);
    assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
    assertThat(millis).isLessThan(2_000);
  }
}
