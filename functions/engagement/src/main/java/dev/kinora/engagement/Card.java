package dev.kinora.engagement;

import dev.kinora.shared.model.ChannelSummary;
import dev.kinora.shared.model.Video;

/** A video as every listing shows it (schema {@code VideoCard}). */
public record Card(Video video, ChannelSummary channel) {}
