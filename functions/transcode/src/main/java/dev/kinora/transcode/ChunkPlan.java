package dev.kinora.transcode;

import dev.kinora.transcode.ffmpeg.ExtractedCaption;
import java.util.List;

/**
 * What the planner of a long video decided (stored as JSON at {@link WorkKeys#plan}): the chunks in
 * order, on the source's timeline, and which images and caption tracks it already published.
 *
 * @param durationSeconds the source's, as probed (what the row gets when it becomes ready)
 * @param thumbnailUrl the poster the planner published ({@code /media/{id}/poster-{token}.jpg})
 * @param captions the source's text subtitles, published by the planner (none in older plans)
 */
public record ChunkPlan(
    String videoId,
    double durationSeconds,
    String thumbnailUrl,
    boolean storyboard,
    List<Chunk> chunks,
    List<ExtractedCaption> captions) {

  public ChunkPlan {
    chunks = List.copyOf(chunks);
    captions = captions == null ? List.of() : List.copyOf(captions);
  }

  /** A plan without caption tracks. */
  public ChunkPlan(
      String videoId,
      double durationSeconds,
      String thumbnailUrl,
      boolean storyboard,
      List<Chunk> chunks) {
    this(videoId, durationSeconds, thumbnailUrl, storyboard, chunks, List.of());
  }

  /**
   * @param sourceKey the piece of the source in the raw bucket ({@link WorkKeys#chunkSource})
   * @param startSeconds where its first frame sits on the assembled timeline
   */
  public record Chunk(int index, String sourceKey, double startSeconds, double durationSeconds) {}
}
