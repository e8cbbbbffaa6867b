package dev.kinora.playlists;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What the playlist rules need from storage (PlaylistsTable). Every read here is consistent. */
interface PlaylistStore {

  /** One page of something, and where the next one starts (null on the last page). */
  record Page<T>(List<T> items, String nextPosition) {}

  /** What a conditional write found. */
  enum Outcome {
    /** Written. */
    DONE,
    /** Someone changed the playlist's order (or the playlist) first: read again and retry. */
    RETRY,
    /** The item is already there (append) or not there (move, remove). */
    UNCHANGED,
    /** The playlist has {@code playlist.maxItems} items. */
    FULL,
    /** The playlist is gone. */
    GONE
  }

  Optional<StoredPlaylist> find(String playlistId);

  /** Writes a new playlist; false when one with this id exists already. */
  boolean create(StoredPlaylist playlist);

  /** Sets the changed fields (null keeps a field); empty when the playlist is gone. */
  Optional<StoredPlaylist> update(
      String playlistId,
      String title,
      String description,
      PlaylistVisibility visibility,
      Instant now);

  /** Deletes the playlist row and then its items. */
  void delete(String playlistId);

  /** The owner's regular playlists (not Watch later), newest first. */
  Page<StoredPlaylist> byOwner(String ownerId, String cursor, int limit);

  /** A channel's public playlists, newest first. */
  Page<StoredPlaylist> publicByChannel(String channelId, String cursor, int limit);

  /** Which of these playlists hold {@code videoId}. */
  Set<String> holding(List<String> playlistIds, String videoId);

  Optional<StoredItem> item(String playlistId, String videoId);

  /** The video ids of every item of the playlist (at most {@code playlist.maxItems}), unordered. */
  List<String> videoIds(String playlistId);

  /** The last item in order, if any. */
  Optional<StoredItem> last(String playlistId);

  /**
   * Up to {@code limit} items in order, starting after position {@code after} (null: from the top).
   */
  Page<StoredItem> items(String playlistId, String after, int limit);

  /**
   * Appends {@code item}: the item, itemCount + 1 and version + 1 in one transaction, on condition
   * that the playlist is still at {@code version} and not full.
   */
  Outcome append(StoredPlaylist playlist, StoredItem item, int maxItems, Instant now);

  /** Sets an item's position and the playlist's version + 1, on condition of {@code version}. */
  Outcome move(StoredPlaylist playlist, String videoId, String position, Instant now);

  /**
   * The most item rows one {@link #rebalance} rewrites: DynamoDB's 100 per transaction, less the
   * playlist row.
   */
  int MAX_REBALANCED = 99;

  /**
   * Sets the positions of up to {@link #MAX_REBALANCED} items (video id → position) and the
   * playlist's version + 1 in one transaction, on condition of {@code version} and of every item
   * still being there.
   */
  Outcome rebalance(StoredPlaylist playlist, Map<String, String> positions, Instant now);

  /** Deletes an item and counts itemCount − 1 in one transaction. */
  Outcome remove(String playlistId, String videoId, Instant now);
}
