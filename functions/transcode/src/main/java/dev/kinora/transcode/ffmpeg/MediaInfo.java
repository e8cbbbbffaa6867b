package dev.kinora.transcode.ffmpeg;

/**
 * What the probe learned about a source. {@code width}/{@code height} are in display orientation,
 * i.e. after applying {@code rotation}, so a portrait phone clip has height &gt; width.
 */
public record MediaInfo(
    double durationSeconds,
    int width,
    int height,
    double frameRate,
    boolean hasAudio,
    int rotation,
    String formatName) {}
