package dev.kinora.transcode;

import java.util.List;

/**
 * What a finished video gets: the fields of the ready transition (docs/data-model.md VideosTable).
 */
public record ReadyVideo(
    List<String> resolutions,
    double durationSeconds,
    String thumbnailUrl,
    String playlistUrl,
    String storyboardUrl) {

  public ReadyVideo {
    resolutions = List.copyOf(resolutions);
  }
}
