package dev.kinora.engagement;

import dev.kinora.shared.model.RatingValue;

/**
 * A user's rating moving from {@code previous} to {@code next}, and what that does to the video's
 * counters: like → dislike is −1 like and +1 dislike, like → none −1 like, and so on. The counters
 * are exact because the rating item and the counters change in one transaction conditioned on
 * {@code previous} still being the stored rating.
 */
public record RatingChange(RatingValue previous, RatingValue next) {

  public boolean changesNothing() {
    return previous == next;
  }

  public long likeDelta() {
    return delta(RatingValue.LIKE);
  }

  public long dislikeDelta() {
    return delta(RatingValue.DISLIKE);
  }

  private long delta(RatingValue counted) {
    return (next == counted ? 1 : 0) - (previous == counted ? 1 : 0);
  }
}
