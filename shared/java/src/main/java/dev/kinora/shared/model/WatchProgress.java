package dev.kinora.shared.model;

import java.time.Instant;

/** Where a viewer is in a video (schema {@code WatchProgress}). */
public record WatchProgress(
    String videoId,
    double lastPosition,
    double watchedSeconds,
    double percentage,
    Instant updatedAt) {}
