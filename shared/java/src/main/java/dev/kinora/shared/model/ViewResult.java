package dev.kinora.shared.model;

/** Whether a view request counted, and the count after it (schema {@code ViewResult}). */
public record ViewResult(boolean counted, long viewCount) {}
