package dev.kinora.shared.model;

/**
 * The caller's own state on a video (schema {@code VideoViewer}). {@code resumePosition} is null
 * for anonymous callers and videos they never watched.
 */
public record VideoViewer(Double resumePosition, RatingValue likeState, boolean isOwner) {}
