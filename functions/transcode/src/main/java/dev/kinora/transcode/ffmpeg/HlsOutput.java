package dev.kinora.transcode.ffmpeg;

import java.nio.file.Path;
import java.util.List;

/** Files a finished transcode wrote: master playlist, one directory per rung, poster, sprite. */
public record HlsOutput(
    Path directory, List<Rung> rungs, Path masterPlaylist, Path thumbnail, Path storyboard) {}
