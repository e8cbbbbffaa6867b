package dev.kinora.engagement;

import dev.kinora.shared.model.NotifyPreference;
import java.time.Instant;

/**
 * One subscription as EngagementTable holds it ({@code USER#<userId>} / {@code SUB#<channelId>}).
 */
public record StoredSubscription(
    String userId, String channelId, NotifyPreference preference, Instant createdAt) {}
