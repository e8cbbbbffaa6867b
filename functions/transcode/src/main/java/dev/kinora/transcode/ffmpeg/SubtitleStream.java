package dev.kinora.transcode.ffmpeg;

import java.util.Set;

/**
 * A subtitle stream of the source as ffprobe reports it: its absolute stream index, codec, and the
 * container's language and title tags (null when absent).
 */
public record SubtitleStream(
    int index, String codec, String language, String title, boolean hearingImpaired) {

  /** Text codecs ffmpeg converts to WebVTT; image-based ones (PGS, DVB, DVD) cannot be. */
  private static final Set<String> TEXT_CODECS =
      Set.of("mov_text", "subrip", "srt", "webvtt", "ass", "ssa", "text");

  public boolean isText() {
    return TEXT_CODECS.contains(codec);
  }
}
