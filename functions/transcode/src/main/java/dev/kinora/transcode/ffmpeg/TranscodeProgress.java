package dev.kinora.transcode.ffmpeg;

import java.nio.file.Path;

/** Callbacks while a transcode runs; called from the engine's reader thread. */
public interface TranscodeProgress {
  void percent(String rung, double percent);

  /** {@code playlistDir} holds {@code index.m3u8} and every segment of a finished rung. */
  void rungReady(Rung rung, Path playlistDir);
}
