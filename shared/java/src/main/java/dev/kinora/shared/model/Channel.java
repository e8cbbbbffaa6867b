package dev.kinora.shared.model;

/** A channel (schema {@code Channel}); every account owns one. {@code avatarUrl} may be null. */
public record Channel(
    String id, String handle, String name, String avatarUrl, long subscriberCount) {}
