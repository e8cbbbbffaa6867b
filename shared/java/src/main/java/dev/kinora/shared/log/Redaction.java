package dev.kinora.shared.log;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What never reaches a log line: passwords, session tokens, cookies, authorization headers and
 * presigned URLs (a presigned URL is a credential until it expires). Fields are redacted by name,
 * free text by pattern, so a secret that slips into an exception message is caught too.
 */
final class Redaction {
  static final String REDACTED = "[redacted]";

  private static final List<String> SECRET_NAMES =
      List.of(
          "password",
          "token",
          "secret",
          "cookie",
          "authorization",
          "signature",
          "credential",
          "apikey",
          "api_key",
          "privatekey",
          "private_key");

  private record Rule(Pattern pattern, String replacement) {}

  private static final List<Rule> RULES =
      List.of(
          // presigned S3 URLs: keep where it pointed, drop the signed query
          new Rule(
              Pattern.compile(
                  "(https?://[^\\s\"'?]+)\\?[^\\s\"']*X-Amz-[^\\s\"']*", Pattern.CASE_INSENSITIVE),
              "$1?" + REDACTED),
          new Rule(
              Pattern.compile(
                  "(X-Amz-(?:Signature|Credential|Security-Token)=)[^&\\s\"']+",
                  Pattern.CASE_INSENSITIVE),
              "$1" + REDACTED),
          // cookies: kinora_session=…, kinora_viewer=…, any Cookie/Set-Cookie header
          new Rule(
              Pattern.compile("(kinora_[a-z_]+=)[^;\\s\"',]+", Pattern.CASE_INSENSITIVE),
              "$1" + REDACTED),
          new Rule(
              Pattern.compile(
                  "((?:set-)?cookie\"?\\s*[:=]\\s*\"?)[^\"\\n]+", Pattern.CASE_INSENSITIVE),
              "$1" + REDACTED),
          new Rule(
              Pattern.compile("(bearer\\s+)[A-Za-z0-9._~+/=-]+", Pattern.CASE_INSENSITIVE),
              "$1" + REDACTED),
          // "password": "…" (or token, secret …) inside JSON or key=value text
          new Rule(
              Pattern.compile(
                  "(\"?(?:password|token|secret|authorization)\"?\\s*[:=]\\s*\"?)" + "[^\"\\s,}&]+",
                  Pattern.CASE_INSENSITIVE),
              "$1" + REDACTED));

  private Redaction() {}

  /** A field whose name says it holds a secret is never printed. */
  static boolean isSecretName(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return SECRET_NAMES.stream().anyMatch(lower::contains);
  }

  /** Free text with every secret-looking part replaced. */
  static String text(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String result = text;
    for (Rule rule : RULES) {
      Matcher matcher = rule.pattern().matcher(result);
      result = matcher.replaceAll(rule.replacement());
    }
    return result;
  }
}
