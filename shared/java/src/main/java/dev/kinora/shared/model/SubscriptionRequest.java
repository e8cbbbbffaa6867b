package dev.kinora.shared.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Body of {@code PUT /api/v1/channels/{channelId}/subscription} (schema {@code
 * SubscriptionRequest}).
 */
public record SubscriptionRequest(@JsonProperty("notify") NotifyPreference preference) {}
