package dev.kinora.bench.transcode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.kinora.bench.Machine;
import dev.kinora.bench.ResultsFile;
import dev.kinora.bench.transcode.TranscodeResults.Run;
import java.util.List;
import org.junit.jupiter.api.Test;

class TranscodeResultsTest {
  private static final Run SEQUENTIAL = new Run("a", 100, 180, null, 300 * 1024, 60 << 20);
  private static final Run LADDER = new Run("b", 60, 120, 12.0, 500 * 1024, 61 << 20);
  private static final Run SINGLE = new Run("b'", 50, 100, 50.0, 500 * 1024, 61 << 20);

  private static TranscodeResults results() {
    return TranscodeResults.of(
        "transcode",
        "2026-11-25T18:00:00Z",
        new Machine(2, "Linux", "Temurin 25", List.of(3.5, 2.0, 1.0), 24_000),
        List.of(4.0, 2.5, 1.1),
        new TranscodeResults.Settings(
            60,
            "1920x1080",
            30,
            90 << 20,
            "testsrc2 + sine",
            false,
            "veryfast",
            2,
            6,
            List.of("1080p 1920x1080 5000k+128k"),
            "ffmpeg version 4.4.1-static"),
        SEQUENTIAL,
        List.of(new Run("a  1080p alone", 50, 90, null, 300 * 1024, 30 << 20)),
        LADDER,
        SINGLE,
        TranscodeResults.Chunked.of(
            10,
            new Run("d  plan", 4, 3, null, 100 * 1024, 90 << 20),
            List.of(
                new Run("d  chunk 1", 10, 18, null, 400 * 1024, 10 << 20),
                new Run("d  chunk 2", 12, 19, null, 400 * 1024, 10 << 20)),
            new Run("d  assembly", 0.5, 0, null, 0, 1 << 10)));
  }

  @Test
  void theChunkedCriticalPathIsTheSlowestChunkPlusAssembly() {
    var chunked = results().chunked();

    assertThat(chunked.criticalPathSeconds()).isCloseTo(12.5, within(1e-9));
    assertThat(chunked.criticalPathWithPlanSeconds()).isCloseTo(16.5, within(1e-9));
    assertThat(chunked.allChunksWallSeconds()).isCloseTo(22, within(1e-9));
    assertThat(results().table())
        .contains("d  chunk 2", "d  all 2 chunks, one after another")
        .contains(
            "critical path = slowest chunk + assembly 12.5 s (0.21 x the source; + plan 16.5 s)");
  }

  @Test
  void ratiosCompareTheLadderWithOnePassPerRungAndTheClipLength() {
    var ratios = results().ratios();

    assertThat(ratios.ladderOverSequential()).isCloseTo(0.6, within(1e-9));
    assertThat(ratios.ladderCpuOverSequentialCpu()).isCloseTo(120 / 180.0, within(1e-9));
    assertThat(ratios.ladderSpeed()).isCloseTo(1.0, within(1e-9));
    assertThat(ratios.playableOverDuration()).isCloseTo(0.2, within(1e-9));
    assertThat(ratios.singlePassOverSequential()).isCloseTo(0.5, within(1e-9));
    assertThat(ratios.singlePassSpeed()).isCloseTo(1.2, within(1e-9));
  }

  @Test
  void theTableShowsEveryRunTheRatiosAgainstTheirTargetsAndTheLoad() {
    String table = results().table();

    assertThat(table)
        .contains("a  1080p alone", "cpu s", "12.0", "500")
        .contains("b/a 0.60 (cpu 0.67; target <= 0.55)")
        .contains("ladder speed 1.00x (target >= 1.0x)")
        .contains("c/duration 0.20 (target <= 0.2)")
        .contains("single pass: b'/a 0.50 (cpu 0.56)   speed 1.20x")
        .contains("load average: start [3.5, 2.0, 1.0], end [4.0, 2.5, 1.1] on 2 cores");
  }

  @Test
  void resultsSerializeWithEveryRun() throws Exception {
    String json = ResultsFile.toJson(results());

    assertThat(json)
        .contains("\"ladderOverSequential\"", "\"perRung\"", "\"playableSeconds\" : 12.0")
        .contains("\"singlePass\"", "\"loadAverageAfter\"");
  }
}
