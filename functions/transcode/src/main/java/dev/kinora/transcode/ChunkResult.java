package dev.kinora.transcode;

import java.util.List;

/**
 * What one chunk worker published (stored as JSON at {@link WorkKeys#chunkResult}): per rung, the
 * chunk's init segment and media segments with their durations (from the chunk's own playlist) and
 * sizes (for the master playlist's bandwidths), so the assembler never reads a segment.
 */
public record ChunkResult(int index, List<RungSegments> rungs) {

  public ChunkResult {
    rungs = List.copyOf(rungs);
  }

  /**
   * @param init the init segment's file name in the rung's folder
   */
  public record RungSegments(
      String rung,
      int width,
      int height,
      int videoKbps,
      int audioKbps,
      String codecs,
      double frameRate,
      String init,
      List<Segment> segments) {

    public RungSegments {
      segments = List.copyOf(segments);
    }
  }

  /**
   * @param uri the file name in the rung's folder
   */
  public record Segment(String uri, double durationSeconds, long bytes) {}
}
