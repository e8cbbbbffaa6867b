package dev.kinora.transcode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kinora.transcode.ffmpeg.MediaInfo;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ChunkPlannerTest {
  private static ChunkPlanner planner(int budgetSeconds) {
    return new ChunkPlanner(
        null,
        null,
        null,
        null,
        null,
        new ChunkPlanner.Settings(2.5, budgetSeconds, 120),
        Duration.ofMinutes(1));
  }

  private static MediaInfo minutes(double minutes) {
    return new MediaInfo(minutes * 60, 1920, 1080, 30, true, 0, "mov,mp4");
  }

  @Test
  void onlyAVideoWhoseEstimatedEncodeExceedsTheBudgetIsSplit() {
    // 600 s of budget at 2.5x real time: 25 minutes of video.
    assertThat(planner(600).splits(minutes(24))).isFalse();
    assertThat(planner(600).splits(minutes(26))).isTrue();
  }

  @Test
  void cutsFallEveryChunkAndAShortTailJoinsTheLastChunk() {
    assertThat(ChunkPlanner.cutTimes(6, 2)).containsExactly(2.0, 4.0);
    assertThat(ChunkPlanner.cutTimes(6.9, 2)).containsExactly(2.0, 4.0);
    assertThat(ChunkPlanner.cutTimes(7.1, 2)).containsExactly(2.0, 4.0, 6.0);
    assertThat(ChunkPlanner.cutTimes(50, 120)).isEmpty();
  }
}
