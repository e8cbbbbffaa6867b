package dev.kinora.shared.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** One channel of the caller's subscriptions (schema {@code SubscribedChannel}). */
public record SubscribedChannel(
    ChannelSummary channel,
    @JsonProperty("notify") NotifyPreference preference,
    Instant subscribedAt) {}
