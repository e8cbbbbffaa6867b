package dev.kinora.shared.model;

/** The owner's caption file for one language (schema {@code CaptionTrackUpload}). */
public record CaptionTrackUpload(
    String label, CaptionKind kind, CaptionFormat format, String text) {}
