package dev.kinora.transcode.ffmpeg;

import java.nio.file.Path;

/** Where the ffmpeg and ffprobe executables are: the layer's {@code bin/} directory. */
public record FfmpegBinaries(Path ffmpeg, Path ffprobe) {

  /** The binaries inside {@code binDir} ({@code /opt/bin} on Lambda, FFMPEG_BIN_DIR locally). */
  public static FfmpegBinaries fromDirectory(Path binDir) {
    return new FfmpegBinaries(binDir.resolve("ffmpeg"), binDir.resolve("ffprobe"));
  }
}
