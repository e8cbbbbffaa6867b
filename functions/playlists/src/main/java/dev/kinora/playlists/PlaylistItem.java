package dev.kinora.playlists;

import dev.kinora.shared.model.ChannelSummary;
import dev.kinora.shared.model.Video;
import java.time.Instant;

/** The contract's {@code PlaylistItem}: a {@code VideoCard} and when it was added. */
public record PlaylistItem(Video video, ChannelSummary channel, Instant addedAt) {}
