package dev.kinora.shared.model;

/** One video of the viewer's history with their progress (schema {@code WatchHistoryEntry}). */
public record WatchHistoryEntry(Video video, WatchProgress progress) {}
