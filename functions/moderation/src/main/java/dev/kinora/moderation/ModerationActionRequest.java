package dev.kinora.moderation;

/** Schema {@code ModerationActionRequest}. */
public record ModerationActionRequest(String reason) {}
