package dev.kinora.search;

import dev.kinora.search.SearchLimits.UploadDateWindows;
import java.time.Duration;
import java.util.Locale;

/** The upload-date filter: published within the last hour, day, week, month or year. */
public enum UploadDate {
  HOUR,
  TODAY,
  WEEK,
  MONTH,
  YEAR;

  /** The contract's value, e.g. {@code today}. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** How far back from now this filter reaches (windows from limits.json search.uploadDate). */
  public Duration window(UploadDateWindows windows) {
    int hours =
        switch (this) {
          case HOUR -> windows.hour();
          case TODAY -> windows.today();
          case WEEK -> windows.week();
          case MONTH -> windows.month();
          case YEAR -> windows.year();
        };
    return Duration.ofHours(hours);
  }

  static UploadDate fromWire(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
