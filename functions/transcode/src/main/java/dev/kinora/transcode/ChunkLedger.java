package dev.kinora.transcode;

import java.util.Optional;
import java.util.Set;

/**
 * A long video's chunk bookkeeping on its row (docs/data-model.md VideosTable): how many chunks it
 * has and which are done. "Done" is a set of chunk indexes, never a counter, so a redelivered chunk
 * message adds nothing the second time and the video is complete exactly when the set is full.
 */
public interface ChunkLedger {

  /** The row's status, chunk count (0 before planning) and done chunks. */
  record ChunkState(String status, int total, Set<Integer> done) {
    public ChunkState {
      done = Set.copyOf(done);
    }

    public boolean complete() {
      return total > 0 && done.size() >= total;
    }
  }

  /**
   * Records {@code total} chunks on a processing video; a repeated plan with the same count is
   * accepted (a redelivered planner message), a different one is not.
   *
   * @return false when the video is not processing or was planned with another count
   */
  boolean plan(String videoId, int total);

  /** Empty when there is no such video. */
  Optional<ChunkState> state(String videoId);

  /**
   * Adds {@code index} to the done chunks of a processing, planned video.
   *
   * @return the state after the write; empty when the video is not processing any more
   */
  Optional<ChunkState> markDone(String videoId, int index);
}
