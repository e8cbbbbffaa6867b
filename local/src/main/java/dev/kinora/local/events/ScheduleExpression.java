package dev.kinora.local.events;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An EventBridge schedule expression: {@code rate(value unit)} fires every period; {@code
 * cron(...)} (six fields) is recognised but not timed locally — it fires through {@code ./kinora
 * trigger}.
 */
record ScheduleExpression(String text, Duration period) {
  private static final Pattern RATE =
      Pattern.compile("rate\\(\\s*(\\d+)\\s+(minute|minutes|hour|hours|day|days)\\s*\\)");
  private static final Pattern CRON = Pattern.compile("cron\\(\\s*(\\S+(\\s+\\S+){5})\\s*\\)");

  /** The expression; fails on anything EventBridge would reject. */
  static ScheduleExpression parse(String text) {
    String trimmed = text == null ? "" : text.trim();
    Matcher rate = RATE.matcher(trimmed);
    if (rate.matches()) {
      long value = Long.parseLong(rate.group(1));
      String unit = rate.group(2);
      if (value < 1) {
        throw new IllegalArgumentException("rate must be positive: " + text);
      }
      // EventBridge: "1 minute" but "5 minutes"
      if ((value == 1) != !unit.endsWith("s")) {
        throw new IllegalArgumentException(
            "use the singular unit for 1 and the plural otherwise: " + text);
      }
      Duration period =
          switch (unit.toLowerCase(Locale.ROOT).replaceAll("s$", "")) {
            case "minute" -> Duration.ofMinutes(value);
            case "hour" -> Duration.ofHours(value);
            case "day" -> Duration.ofDays(value);
            default -> throw new IllegalArgumentException("unknown unit in " + text);
          };
      return new ScheduleExpression(trimmed, period);
    }
    if (CRON.matcher(trimmed).matches()) {
      return new ScheduleExpression(trimmed, null);
    }
    throw new IllegalArgumentException("not a rate(...) or cron(...) expression: " + text);
  }

  /** How often a rate fires; empty for cron. */
  Optional<Duration> every() {
    return Optional.ofNullable(period);
  }
}
