package dev.kinora.shared.model;

/**
 * A channel (schema {@code Channel}); every account owns one. {@code description} and {@code
 * avatarUrl} may be null.
 */
public record Channel(
    String id,
    String handle,
    String name,
    String description,
    String avatarUrl,
    long subscriberCount) {}
