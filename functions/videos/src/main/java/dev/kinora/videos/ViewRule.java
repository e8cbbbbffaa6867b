package dev.kinora.videos;

/**
 * When a page view counts as a view (DESIGN.md §5): after {@code view.minWatchSeconds} played, or
 * {@code view.minWatchFraction} of a shorter video. The time the player declares is believed only
 * as far as the server can check it: never more than the video lasts, and for a signed-in viewer
 * never more than the furthest position their saved progress reached.
 */
public final class ViewRule {
  private final double minWatchSeconds;
  private final double minWatchFraction;

  public ViewRule(double minWatchSeconds, double minWatchFraction) {
    this.minWatchSeconds = minWatchSeconds;
    this.minWatchFraction = minWatchFraction;
  }

  /** What the rule decided. */
  public sealed interface Decision {}

  /** Enough was watched. */
  public record Counts(double creditedSeconds) implements Decision {}

  /** Not (yet) enough; {@code reason} is for logs. */
  public record TooShort(String reason) implements Decision {}

  /**
   * @param declaredSeconds what the player says it played
   * @param durationSeconds the video's duration, null when unknown
   * @param savedWatchedSeconds the viewer's saved furthest position; null for anonymous viewers
   */
  public Decision decide(
      Double durationSeconds, double declaredSeconds, Double savedWatchedSeconds) {
    double credited = declaredSeconds;
    if (durationSeconds != null) {
      credited = Math.min(credited, durationSeconds);
    }
    if (savedWatchedSeconds != null) {
      credited = Math.min(credited, savedWatchedSeconds);
    }
    double needed =
        durationSeconds == null
            ? minWatchSeconds
            : Math.min(minWatchSeconds, minWatchFraction * durationSeconds);
    return credited >= needed
        ? new Counts(credited)
        : new TooShort("credited " + credited + " s of the " + needed + " s a view needs");
  }
}
