package dev.kinora.transcode.ffmpeg;

import java.util.List;

/**
 * What the probe learned about a source. {@code width}/{@code height} are in display orientation,
 * i.e. after applying {@code rotation}, so a portrait phone clip has height &gt; width. {@code
 * subtitles} are the source's subtitle streams, text or image, in stream order.
 */
public record MediaInfo(
    double durationSeconds,
    int width,
    int height,
    double frameRate,
    boolean hasAudio,
    int rotation,
    String formatName,
    List<SubtitleStream> subtitles) {

  public MediaInfo {
    subtitles = List.copyOf(subtitles);
  }

  /** A source without subtitle streams. */
  public MediaInfo(
      double durationSeconds,
      int width,
      int height,
      double frameRate,
      boolean hasAudio,
      int rotation,
      String formatName) {
    this(durationSeconds, width, height, frameRate, hasAudio, rotation, formatName, List.of());
  }
}
