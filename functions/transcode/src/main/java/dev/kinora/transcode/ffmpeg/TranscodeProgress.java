package dev.kinora.transcode.ffmpeg;

import java.nio.file.Path;

/** Callbacks while a transcode runs; called from the engine's reader thread. */
public interface TranscodeProgress {
  /** For passes nobody watches (a long video's chunks report progress per chunk instead). */
  TranscodeProgress NONE =
      new TranscodeProgress() {
        @Override
        public void percent(String rung, double percent) {}

        @Override
        public void rungReady(Rung rung, Path playlistDir) {}
      };

  void percent(String rung, double percent);

  /** {@code playlistDir} holds {@code index.m3u8} and every segment of a finished rung. */
  void rungReady(Rung rung, Path playlistDir);
}
