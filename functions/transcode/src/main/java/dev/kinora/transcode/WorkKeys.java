package dev.kinora.transcode;

import java.util.Locale;

/**
 * Where a long video's intermediate files live: {@code work/{videoId}/} in the raw bucket (private,
 * outside the {@code raw/} prefix whose uploads trigger transcodes, expired by a lifecycle rule).
 */
public final class WorkKeys {
  private WorkKeys() {}

  public static String prefix(String videoId) {
    return "work/" + videoId + "/";
  }

  /** The planner's decision, read by every chunk worker and the assembler. */
  public static String plan(String videoId) {
    return prefix(videoId) + "plan.json";
  }

  /** One piece of the source, cut at keyframes. */
  public static String chunkSource(String videoId, int index, String extension) {
    return prefix(videoId) + String.format(Locale.ROOT, "source-%05d.%s", index, extension);
  }

  /** What a chunk worker wrote (segments, durations, sizes), read by the assembler. */
  public static String chunkResult(String videoId, int index) {
    return prefix(videoId) + String.format(Locale.ROOT, "chunk-%05d.json", index);
  }

  /** The file name prefix of one chunk's init segment and media segments in a rung's folder. */
  public static String segmentPrefix(int index) {
    return String.format(Locale.ROOT, "c%05d-", index);
  }
}
