package dev.kinora.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No secrets in the repository: every text file a clone carries is searched for the shapes real
 * credentials have. Test keys are generated at run time (MediaCookiesTest, the local cloud's media
 * signing key under .kinora/), so nothing here needs an exception list.
 */
class SecretsScanTest {
  /** Build output, installed packages and local state: not part of the repository. */
  private static final Set<String> NOT_COMMITTED =
      Set.of(".git", "node_modules", "target", ".kinora", "test-results", "dist", ".mvn");

  private static final long LARGEST_TEXT_FILE = 4L * 1024 * 1024;

  /** What a credential looks like; the name is what a finding reports. */
  private record SecretShape(String name, Pattern pattern) {}

  private static final List<SecretShape> SHAPES =
      List.of(
          new SecretShape(
              "PEM private key",
              Pattern.compile(
                  "-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED )?PRIVATE KEY-----\\s*\\n"
                      + "[A-Za-z0-9+/=]{40,}")),
          new SecretShape("AWS access key id", Pattern.compile("\\b(?:AKIA|ASIA)[A-Z0-9]{16}\\b")),
          new SecretShape(
              "AWS secret access key",
              Pattern.compile(
                  "(?i)aws_?secret_?access_?key[\"']?\\s*[:=]\\s*[\"']?[A-Za-z0-9/+]{40}\\b")),
          new SecretShape("GitHub token", Pattern.compile("\\bgh[pousr]_[A-Za-z0-9]{36,}\\b")),
          new SecretShape("Slack token", Pattern.compile("\\bxox[abprs]-[A-Za-z0-9-]{10,}")),
          new SecretShape("npm token", Pattern.compile("\\bnpm_[A-Za-z0-9]{36}\\b")),
          new SecretShape(
              "private key in JSON", Pattern.compile("\"private_key\"\\s*:\\s*\"-----BEGIN")));

  @Test
  void noFileOfTheRepositoryHoldsACredential() throws IOException {
    List<String> findings = new ArrayList<>();
    int scanned = 0;
    try (Stream<Path> files = Files.walk(Repository.root())) {
      for (Path file : files.filter(SecretsScanTest::committable).toList()) {
        String text = textOf(file);
        if (text == null) {
          continue;
        }
        scanned++;
        Path relative = Repository.root().relativize(file);
        findings.addAll(findingsIn(text).stream().map(found -> relative + ": " + found).toList());
      }
    }

    assertThat(scanned).as("text files scanned").isGreaterThan(300);
    assertThat(findings).as("credentials committed to the repository").isEmpty();
  }

  /** The scan itself: planted examples of each shape are found, harmless look-alikes are not. */
  @Test
  void theScanFindsEachShapeOfCredential() {
    String awsSecret = "aws_secret_access_key = " + "wJalrXUtnFEMI/K7MDENG/bPxRfiCY" + "EXAMPLEKEY";
    String pem =
        "-----BEGIN RSA PRIVATE KEY-----\n" + "MIIEowIBAAKCAQEA".repeat(4) + "\n-----END RSA";

    assertThat(findingsIn("key: " + "AKIA" + "IOSFODNN7EXAMPLE")).hasSize(1);
    assertThat(findingsIn(awsSecret)).hasSize(1);
    assertThat(findingsIn(pem)).hasSize(1);
    assertThat(findingsIn("token=" + "ghp_" + "a".repeat(36))).hasSize(1);
    assertThat(findingsIn("pem.replace(\"-----BEGIN PRIVATE KEY-----\", \"\")")).isEmpty();
    assertThat(findingsIn("AWS_SECRET_ACCESS_KEY: test")).isEmpty();
  }

  private static List<String> findingsIn(String text) {
    List<String> findings = new ArrayList<>();
    for (SecretShape shape : SHAPES) {
      Matcher matcher = shape.pattern().matcher(text);
      while (matcher.find()) {
        int line = (int) text.substring(0, matcher.start()).chars().filter(c -> c == '\n').count();
        findings.add("line " + (line + 1) + ": " + shape.name());
      }
    }
    return findings;
  }

  private static boolean committable(Path path) {
    for (Path part : Repository.root().relativize(path)) {
      if (NOT_COMMITTED.contains(part.toString())) {
        return false;
      }
    }
    return Files.isRegularFile(path);
  }

  /** The file's text, or null for a binary (a NUL byte) or oversized file. */
  private static String textOf(Path file) {
    try {
      if (Files.size(file) > LARGEST_TEXT_FILE) {
        return null;
      }
      byte[] bytes = Files.readAllBytes(file);
      for (byte b : bytes) {
        if (b == 0) {
          return null;
        }
      }
      return new String(bytes, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
