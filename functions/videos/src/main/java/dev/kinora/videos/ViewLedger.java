package dev.kinora.videos;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;

/** Port: counts views exactly, at most once per viewer per video per dedup window. */
public interface ViewLedger {

  /**
   * Counts one view of {@code videoId} by {@code viewerKey} unless it already counted one within
   * {@code window} before {@code now}; the dedup marker and the counter change together or not at
   * all.
   *
   * @return the view count after this call when it counted, empty when it was a repeat
   */
  OptionalLong countOnce(String videoId, String viewerKey, Instant now, Duration window);

  /** The current view count. */
  long viewCount(String videoId);
}
