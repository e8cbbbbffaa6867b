package dev.kinora.playlists;

import java.time.Instant;

/**
 * An item row of PlaylistsTable: one video in one playlist (at most once: the video id is part of
 * the key) at a position key of {@link Ranks}.
 */
record StoredItem(String playlistId, String videoId, String position, Instant addedAt) {}
