package dev.kinora.shared.model;

/** The channel a video belongs to, as the watch page shows it (schema {@code ChannelSummary}). */
public record ChannelSummary(
    String id, String handle, String name, String avatarUrl, long subscriberCount) {}
