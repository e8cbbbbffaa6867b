package dev.kinora.accounts;

import dev.kinora.shared.contract.ValidationIssue;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The password rules the contract cannot express. The length bounds live in the contract
 * (limits.json {@code account.password}) and are checked with the schema; this adds the check
 * against commonly used passwords (NIST SP 800-63B 5.1.1.2: refuse values from breach corpuses),
 * with the reason the user reads.
 */
public final class PasswordPolicy {
  private static final String LIST = "common-passwords.txt";

  private final Set<String> common;

  PasswordPolicy(Set<String> common) {
    this.common = Set.copyOf(common);
  }

  /** The bundled list: common passwords of at least 10 characters, from public breach corpora. */
  public static PasswordPolicy bundled() {
    try (InputStream in = PasswordPolicy.class.getResourceAsStream(LIST)) {
      if (in == null) {
        throw new IllegalStateException(LIST + " is missing from the jar");
      }
      var words = new HashSet<String>();
      try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        reader
            .lines()
            .map(String::strip)
            .filter(line -> !line.isEmpty() && !line.startsWith("#"))
            .forEach(line -> words.add(line.toLowerCase(Locale.ROOT)));
      }
      return new PasswordPolicy(words);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Why the password is refused, as a validation issue on {@code /password}; empty if fine. */
  public Optional<ValidationIssue> refusal(String password) {
    if (common.contains(password.toLowerCase(Locale.ROOT))) {
      return Optional.of(
          new ValidationIssue(
              "/password", "is one of the most commonly used passwords; choose another"));
    }
    return Optional.empty();
  }
}
