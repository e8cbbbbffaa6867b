package dev.kinora.playlists;

import java.time.Instant;

/**
 * A playlist row of PlaylistsTable (docs/data-model.md).
 *
 * @param version bumped by every change of the order (append, move), so two of them never both act
 *     on the same neighbours: the second one's transaction fails and it reads again
 */
record StoredPlaylist(
    String id,
    PlaylistKind kind,
    String ownerId,
    String channelId,
    String title,
    String description,
    PlaylistVisibility visibility,
    long itemCount,
    long version,
    Instant createdAt,
    Instant updatedAt) {

  boolean isOwnedBy(String userId) {
    return userId != null && userId.equals(ownerId);
  }
}
