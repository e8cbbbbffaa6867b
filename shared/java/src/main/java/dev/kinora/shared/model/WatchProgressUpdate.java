package dev.kinora.shared.model;

/** A progress report from the player, in seconds (schema {@code WatchProgressUpdate}). */
public record WatchProgressUpdate(double position, double duration) {}
