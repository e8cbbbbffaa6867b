package dev.kinora.shared.model;

/** Body of {@code PUT /api/v1/videos/{videoId}/rating} (schema {@code RatingRequest}). */
public record RatingRequest(RatingValue value) {}
