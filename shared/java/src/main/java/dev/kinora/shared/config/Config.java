package dev.kinora.shared.config;

import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The only way handlers read configuration.
 *
 * <p>On Lambda the values are the function's environment variables (template.yaml {@code
 * Environment}). The local cloud runs every function in one JVM, each in its own class loader with
 * its own copy of this class, and calls {@link #useEnvironment(Map)} reflectively on that copy
 * before the handler is built; so each function sees its own values even though {@code
 * System.getenv()} is shared by the process.
 */
public final class Config {
  private static volatile Map<String, String> overlay = Map.of();

  private final Map<String, String> values;

  private Config(Map<String, String> values) {
    this.values = Map.copyOf(values);
  }

  /**
   * Sets the values that {@link #fromEnvironment()} lays over {@code System.getenv()} in this class
   * loader. Called reflectively by the local cloud, once per function class loader, before the
   * function's handler is constructed.
   */
  public static void useEnvironment(Map<String, String> environment) {
    overlay = Map.copyOf(environment);
  }

  /** The process environment overlaid with the values given to {@link #useEnvironment(Map)}. */
  public static Config fromEnvironment() {
    var merged = new HashMap<>(System.getenv());
    merged.putAll(overlay);
    return new Config(merged);
  }

  /** Exactly these values; for tests. */
  public static Config of(Map<String, String> values) {
    return new Config(values);
  }

  /** The value of {@code key}, if set and not blank. */
  public Optional<String> find(String key) {
    String value = values.get(key);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
  }

  /** The value of {@code key}, or {@code defaultValue} if it is not set. */
  public String get(String key, String defaultValue) {
    return find(key).orElse(defaultValue);
  }

  /**
   * The value of {@code key}.
   *
   * @throws MissingConfigurationException if it is not set
   */
  public String require(String key) {
    return find(key).orElseThrow(() -> new MissingConfigurationException(key));
  }

  /** An integer value, or {@code defaultValue} if not set. */
  public int getInt(String key, int defaultValue) {
    return find(key).map(value -> parse(key, value, Integer::parseInt)).orElse(defaultValue);
  }

  /** A long value, or {@code defaultValue} if not set. */
  public long getLong(String key, long defaultValue) {
    return find(key).map(value -> parse(key, value, Long::parseLong)).orElse(defaultValue);
  }

  /** {@code true}/{@code false} (any case), or {@code defaultValue} if not set. */
  public boolean getBoolean(String key, boolean defaultValue) {
    return find(key)
        .map(
            value ->
                switch (value.toLowerCase(Locale.ROOT)) {
                  case "true" -> true;
                  case "false" -> false;
                  default -> throw new InvalidConfigurationException(key, value, "true or false");
                })
        .orElse(defaultValue);
  }

  /** An ISO-8601 duration such as {@code PT30S}, or {@code defaultValue} if not set. */
  public Duration getDuration(String key, Duration defaultValue) {
    return find(key).map(value -> parse(key, value, Duration::parse)).orElse(defaultValue);
  }

  private static <T> T parse(String key, String value, Function<String, T> parser) {
    try {
      return parser.apply(value);
    } catch (RuntimeException e) {
      throw new InvalidConfigurationException(key, value, e.getMessage());
    }
  }

  /** A required key is not set. */
  public static final class MissingConfigurationException extends IllegalStateException {
    MissingConfigurationException(String key) {
      super(
          "Missing required configuration "
              + key
              + ": set it in the function's Environment in template.yaml (the local cloud reads it"
              + " from there too)");
    }
  }

  /** A key is set to a value of the wrong form. */
  public static final class InvalidConfigurationException extends IllegalStateException {
    InvalidConfigurationException(String key, String value, String expected) {
      super("Configuration " + key + "=" + value + " is invalid: expected " + expected);
    }
  }
}
