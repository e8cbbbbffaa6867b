package dev.kinora.transcode;

import dev.kinora.transcode.ffmpeg.ExtractedCaption;
import java.util.List;

/**
 * What a finished video gets: the fields of the ready transition (docs/data-model.md VideosTable),
 * including the caption tracks kept from the source's subtitle streams.
 */
public record ReadyVideo(
    List<String> resolutions,
    double durationSeconds,
    String thumbnailUrl,
    String playlistUrl,
    String storyboardUrl,
    List<ExtractedCaption> captions) {

  public ReadyVideo {
    resolutions = List.copyOf(resolutions);
    captions = List.copyOf(captions);
  }

  /** Without caption tracks. */
  public ReadyVideo(
      List<String> resolutions,
      double durationSeconds,
      String thumbnailUrl,
      String playlistUrl,
      String storyboardUrl) {
    this(resolutions, durationSeconds, thumbnailUrl, playlistUrl, storyboardUrl, List.of());
  }
}
