package dev.kinora.shared.model;

/** A video as every listing shows it, with its channel (schema {@code VideoCard}). */
public record VideoCard(Video video, ChannelSummary channel) {}
