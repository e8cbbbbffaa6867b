package dev.kinora.engagement;

import java.time.Instant;

/** One notification as NotificationsTable holds it: one per user and video. */
public record StoredNotification(
    String userId, String videoId, String channelId, boolean read, Instant createdAt) {}
