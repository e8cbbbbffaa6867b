package dev.kinora.playlists;

import dev.kinora.shared.video.VideoAccessPolicy;
import dev.kinora.shared.video.VideoAccessPolicy.VideoFacts;

/**
 * Who may do what with a playlist and which of its items a caller sees, in one place. Refusals of a
 * playlist the caller may not even read are "not found", so a private playlist's existence does not
 * leak; a readable playlist of someone else is "forbidden" to change.
 */
final class PlaylistPolicy {
  private PlaylistPolicy() {}

  /** Private: the owner only. Public and unlisted: anyone with the id. */
  static boolean canRead(StoredPlaylist playlist, String viewerId) {
    return playlist.visibility() != PlaylistVisibility.PRIVATE || playlist.isOwnedBy(viewerId);
  }

  /** Only the owner edits, reorders, adds, removes or deletes. */
  static boolean canEdit(StoredPlaylist playlist, String userId) {
    return playlist.isOwnedBy(userId);
  }

  /** Watch later keeps its name and cannot be deleted: every user always has exactly one. */
  static boolean canRenameOrDelete(StoredPlaylist playlist) {
    return playlist.kind() == PlaylistKind.REGULAR;
  }

  /**
   * Whether an item shows to the viewer. A video's owner always sees their video; the playlist's
   * owner sees every video they may watch (unlisted included: they had the link when adding it);
   * everyone else only public, ready videos — a public playlist never reveals a private, unlisted,
   * unfinished or blocked video of someone else.
   */
  static boolean showsItem(StoredPlaylist playlist, VideoFacts video, String viewerId) {
    if (!VideoAccessPolicy.canSee(video, viewerId)) {
      return false;
    }
    return video.isOwnedBy(viewerId)
        || playlist.isOwnedBy(viewerId)
        || VideoAccessPolicy.isListable(video);
  }
}
