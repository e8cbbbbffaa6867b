package dev.kinora.shared.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The caller's subscription to a channel (schema {@code Subscription}); {@code preference} ({@code
 * notify}) is null when not subscribed.
 */
public record Subscription(
    String channelId,
    boolean subscribed,
    @JsonProperty("notify") NotifyPreference preference,
    long subscriberCount) {}
