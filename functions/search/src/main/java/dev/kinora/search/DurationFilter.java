package dev.kinora.search;

import java.util.Locale;

/**
 * The duration filter: short (under {@code search.duration.shortMaxSeconds}), medium (from there up
 * to {@code search.duration.longMinSeconds}, both ends included) and long (over it).
 */
public enum DurationFilter {
  SHORT,
  MEDIUM,
  LONG;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  static DurationFilter fromWire(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
