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

  /** The playlist as its owner sees it: {@code itemCount} counts every item. */
  static Playlist of(StoredPlaylist stored, Boolean containsVideo) {
    return of(stored, containsVideo, stored.itemCount());
  }

  /**
   * The playlist with {@code itemCount} the items this viewer may see ({@link PlaylistService}).
   */
  static Playlist of(StoredPlaylist stored, Boolean containsVideo, long itemCount) {
    return new Playlist(
        stored.id(),
        stored.kind(),
        stored.channelId(),
        stored.title(),
        stored.description(),
        stored.visibility(),
        itemCount,
        containsVideo,
        stored.createdAt(),
        stored.updatedAt());
  }
}
