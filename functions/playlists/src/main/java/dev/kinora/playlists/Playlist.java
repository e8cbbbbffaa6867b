package dev.kinora.playlists;

import java.time.Instant;

/**
 * A playlist as the contract's {@code Playlist} shows it.
 *
 * @param containsVideo only when the caller asked about one video, else null (left out)
 */
public record Playlist(
    String id,
    PlaylistKind kind,
    String channelId,
    String title,
    String description,
    PlaylistVisibility visibility,
    long itemCount,
    Boolean containsVideo,
    Instant createdAt,
    Instant updatedAt) {

  static Playlist of(StoredPlaylist stored, Boolean containsVideo) {
    return new Playlist(
        stored.id(),
        stored.kind(),
        stored.channelId(),
        stored.title(),
        stored.description(),
        stored.visibility(),
        stored.itemCount(),
        containsVideo,
        stored.createdAt(),
        stored.updatedAt());
  }
}
