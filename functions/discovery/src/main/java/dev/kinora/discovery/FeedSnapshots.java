package dev.kinora.discovery;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Port: a signed-in viewer's feed as computed for its first page, kept for {@code
 * discovery.feed.snapshotTtlMinutes} so the next pages continue the same ranking (no repeats, no
 * gaps while new views or uploads arrive) without computing it again.
 */
interface FeedSnapshots {

  void save(String userId, String snapshotId, List<String> videoIds, Instant expiresAt);

  /** The snapshot, unless it is unknown or expired at {@code now}. */
  Optional<List<String>> find(String userId, String snapshotId, Instant now);
}
