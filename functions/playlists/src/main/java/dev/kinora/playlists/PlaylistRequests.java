package dev.kinora.playlists;

/** The request bodies of the playlist routes, mirroring their contract schemas. */
final class PlaylistRequests {
  private PlaylistRequests() {}

  /** {@code PlaylistCreateRequest}. */
  record Create(String title, String description, PlaylistVisibility visibility) {}

  /** {@code PlaylistUpdateRequest}: null fields keep their value. */
  record Update(String title, String description, PlaylistVisibility visibility) {}

  /** {@code PlaylistItemAddRequest}. */
  record AddItem(String videoId) {}

  /** {@code PlaylistItemMoveRequest}: {@code afterVideoId} null moves the item to the top. */
  record MoveItem(String afterVideoId) {}
}
