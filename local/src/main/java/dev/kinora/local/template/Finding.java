package dev.kinora.local.template;

/**
 * One thing {@link TemplateValidator} found.
 *
 * @param rule a short stable id: {@code unknown-property}, {@code type}, {@code dangling-reference}
 *     …
 * @param location where, JSON-path-like: {@code
 *     Resources.PlatformFunction.Properties.Events.Health}
 * @param message what is wrong, for a human
 */
public record Finding(Severity severity, String rule, String location, String message) {
  public enum Severity {
    ERROR,
    WARNING
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  @Override
  public String toString() {
    return severity + " [" + rule + "] " + location + ": " + message;
  }
}
