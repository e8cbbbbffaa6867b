package dev.kinora.shared.model;

/**
 * Body of {@code PATCH /api/v1/channels/me} (schema {@code ChannelUpdateRequest}); a null field
 * keeps its current value.
 */
public record ChannelUpdateRequest(String name, String description) {}
