package dev.kinora.shared.model;

import java.time.Instant;

/** One published caption track of a video (schema {@code CaptionTrack}). */
public record CaptionTrack(
    String language,
    String label,
    CaptionKind kind,
    CaptionSource source,
    String url,
    int cueCount,
    Instant updatedAt) {}
