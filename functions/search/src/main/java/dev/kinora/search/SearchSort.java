package dev.kinora.search;

import java.util.Locale;

/** Result order: best match first, newest first, or most viewed first. */
public enum SearchSort {
  RELEVANCE,
  DATE,
  VIEWS;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  static SearchSort fromWire(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
