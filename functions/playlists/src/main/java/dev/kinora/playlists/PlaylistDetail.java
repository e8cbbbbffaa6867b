package dev.kinora.playlists;

import dev.kinora.shared.model.ChannelSummary;
import java.time.Instant;

/**
 * The contract's {@code PlaylistDetail}: a playlist, its channel, and whether the caller owns it.
 */
public record PlaylistDetail(
    String id,
    PlaylistKind kind,
    String channelId,
    String title,
    String description,
    PlaylistVisibility visibility,
    long itemCount,
    Instant createdAt,
    Instant updatedAt,
    ChannelSummary channel,
    boolean isOwner) {

  static PlaylistDetail of(
      StoredPlaylist stored, long itemCount, ChannelSummary channel, boolean isOwner) {
    return new PlaylistDetail(
        stored.id(),
        stored.kind(),
        stored.channelId(),
        stored.title(),
        stored.description(),
        stored.visibility(),
        itemCount,
        stored.createdAt(),
        stored.updatedAt(),
        channel,
        isOwner);
  }
}
