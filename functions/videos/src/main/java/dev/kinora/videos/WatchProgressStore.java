package dev.kinora.videos;

import dev.kinora.shared.model.WatchProgress;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port: per (viewer, video) watch progress. */
public interface WatchProgressStore {

  Optional<WatchProgress> find(String userId, String videoId);

  /**
   * Sets the last position and raises {@code watchedSeconds} and {@code percentage} to the given
   * values where they are higher, atomically per attribute (a report that arrives late never lowers
   * a maximum).
   *
   * @return the progress as stored afterwards
   */
  WatchProgress save(
      String userId,
      String videoId,
      double position,
      double watchedSeconds,
      double percentage,
      Instant now);

  /** A page of the viewer's progress, most recently updated first. */
  Page recent(String userId, String cursor, int limit);

  /** One page: the items and the cursor of the next page (null at the end). */
  record Page(List<WatchProgress> items, String nextCursor) {
    public Page {
      items = List.copyOf(items);
    }
  }
}
