package dev.kinora.shared.model;

/** Body of every error response (schema {@code ErrorEnvelope}). */
public record ErrorEnvelope(ApiError error) {}
