package dev.kinora.transcode;

import java.util.List;

/**
 * What the planner of a long video decided (stored as JSON at {@link WorkKeys#plan}): the chunks in
 * order, on the source's timeline, and which images it already published.
 *
 * @param durationSeconds the source's, as probed (what the row gets when it becomes ready)
 */
public record ChunkPlan(
    String videoId,
    double durationSeconds,
    boolean thumbnail,
    boolean storyboard,
    List<Chunk> chunks) {

  public ChunkPlan {
    chunks = List.copyOf(chunks);
  }

  /**
   * @param sourceKey the piece of the source in the raw bucket ({@link WorkKeys#chunkSource})
   * @param startSeconds where its first frame sits on the assembled timeline
   */
  public record Chunk(int index, String sourceKey, double startSeconds, double durationSeconds) {}
}
