package dev.kinora.engagement;

import dev.kinora.shared.model.RatingValue;
import java.time.Instant;

/** Port: per-user ratings and the video counters they move. */
public interface RatingStore {

  /** The user's current rating of the video ({@code NONE} when there is none), consistent read. */
  RatingValue find(String userId, String videoId);

  /**
   * Applies {@code change} to the rating item and the video's counters in one transaction that
   * holds only if the stored rating is still {@code change.previous()} and the video is ready.
   */
  Outcome apply(String userId, String videoId, RatingChange change, Instant at);

  /** What {@link #apply} did. */
  enum Outcome {
    /** Rating and counters changed together. */
    APPLIED,
    /**
     * Nothing changed: the stored rating is no longer the previous one, or a concurrent transaction
     * on the same items won; re-read and try again.
     */
    STALE,
    /** Nothing changed: the video is gone or no longer ready. */
    VIDEO_UNAVAILABLE
  }
}
