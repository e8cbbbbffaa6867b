package dev.kinora.transcode.ffmpeg;

import java.nio.file.Path;
import java.util.List;

/**
 * Files a finished transcode wrote: master playlist, one directory per rung, poster, sprite, and
 * the caption tracks kept from the source (folder {@code captions/}).
 */
public record HlsOutput(
    Path directory,
    List<Rung> rungs,
    Path masterPlaylist,
    Path thumbnail,
    Path storyboard,
    List<ExtractedCaption> captions) {

  public HlsOutput {
    captions = List.copyOf(captions);
  }

  /** Without caption tracks. */
  public HlsOutput(
      Path directory, List<Rung> rungs, Path masterPlaylist, Path thumbnail, Path storyboard) {
    this(directory, rungs, masterPlaylist, thumbnail, storyboard, List.of());
  }
}
