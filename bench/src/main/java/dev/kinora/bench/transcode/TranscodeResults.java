package dev.kinora.bench.transcode;

import dev.kinora.bench.Machine;
import dev.kinora.bench.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One transcode bench run as it goes into {@code bench/results/transcode-*.json} and onto the
 * screen.
 */
public record TranscodeResults(
    String benchmark,
    String startedAt,
    Machine machine,
    List<Double> loadAverageAfter,
    Settings settings,
    Run sequential,
    List<Run> perRung,
    Run ladder,
    Run singlePass,
    Chunked chunked,
    Ratios ratios) {

  /** Issue 7's targets: b/a, ladder speed (source seconds per wall second), c/duration. */
  static final double TARGET_B_OVER_A = 0.55;

  static final double TARGET_SPEED = 1.0;
  static final double TARGET_PLAYABLE_FRACTION = 0.2;

  /** The source and the encoder settings shared by every run. */
  public record Settings(
      double sourceSeconds,
      String sourceSize,
      double sourceFrameRate,
      long sourceBytes,
      String source,
      boolean sourceReused,
      String x264Preset,
      int keyframeIntervalSeconds,
      int segmentSeconds,
      List<String> rungs,
      String ffmpeg) {}

  /**
   * One measured run: wall seconds, CPU seconds of its ffmpeg processes (user + system), seconds
   * until the lowest rung was playable (null where not measured), the largest ffmpeg VmHWM seen,
   * bytes written.
   */
  public record Run(
      String run,
      double wallSeconds,
      double cpuSeconds,
      Double playableSeconds,
      long peakRssKib,
      long outputBytes) {}

  /**
   * (d) the long-video path on the same clip: the planner's work (poster, keyframe storyboard, cut
   * at keyframes without re-encoding), every chunk encoded one after another here (each would have
   * its own function in the cloud), and the assembly of the playlists from the chunks' segment
   * lists.
   *
   * @param criticalPathSeconds the slowest chunk + assembly: what a cloud with one invocation per
   *     chunk waits for after planning, whatever the video's length
   */
  public record Chunked(
      int chunks,
      int chunkSeconds,
      Run plan,
      List<Run> perChunk,
      Run assembly,
      double criticalPathSeconds,
      double criticalPathWithPlanSeconds,
      double allChunksWallSeconds,
      double allChunksCpuSeconds) {

    public Chunked {
      perChunk = List.copyOf(perChunk);
    }

    static Chunked of(int chunkSeconds, Run plan, List<Run> perChunk, Run assembly) {
      double slowest = perChunk.stream().mapToDouble(Run::wallSeconds).max().orElse(0);
      return new Chunked(
          perChunk.size(),
          chunkSeconds,
          plan,
          perChunk,
          assembly,
          slowest + assembly.wallSeconds(),
          plan.wallSeconds() + slowest + assembly.wallSeconds(),
          perChunk.stream().mapToDouble(Run::wallSeconds).sum(),
          perChunk.stream().mapToDouble(Run::cpuSeconds).sum());
    }

    Run slowest() {
      return perChunk.stream()
          .max(java.util.Comparator.comparingDouble(Run::wallSeconds))
          .orElseThrow();
    }
  }

  /** The figures of merit for b (the engine) and b' (single pass), by wall and CPU. */
  public record Ratios(
      double ladderOverSequential,
      double ladderCpuOverSequentialCpu,
      double ladderSpeed,
      double playableOverDuration,
      double singlePassOverSequential,
      double singlePassCpuOverSequentialCpu,
      double singlePassSpeed) {}

  static TranscodeResults of(
      String benchmark,
      String startedAt,
      Machine machine,
      List<Double> loadAverageAfter,
      Settings settings,
      Run sequential,
      List<Run> perRung,
      Run ladder,
      Run singlePass,
      Chunked chunked) {
    double duration = settings.sourceSeconds();
    var ratios =
        new Ratios(
            ladder.wallSeconds() / sequential.wallSeconds(),
            ladder.cpuSeconds() / sequential.cpuSeconds(),
            duration / ladder.wallSeconds(),
            ladder.playableSeconds() / duration,
            singlePass.wallSeconds() / sequential.wallSeconds(),
            singlePass.cpuSeconds() / sequential.cpuSeconds(),
            duration / singlePass.wallSeconds());
    return new TranscodeResults(
        benchmark,
        startedAt,
        machine,
        loadAverageAfter,
        settings,
        sequential,
        List.copyOf(perRung),
        ladder,
        singlePass,
        chunked,
        ratios);
  }

  String table() {
    var table =
        new Table(
            List.of("run", "wall s", "cpu s", "360p playable s", "peak RSS MiB", "output MiB"));
    List<Run> rows = new ArrayList<>();
    rows.add(sequential);
    rows.addAll(perRung);
    rows.add(ladder);
    rows.add(singlePass);
    if (chunked != null) {
      rows.add(chunked.plan());
      rows.add(chunked.slowest());
      rows.add(
          new Run(
              "d  all " + chunked.chunks() + " chunks, one after another",
              chunked.allChunksWallSeconds(),
              chunked.allChunksCpuSeconds(),
              null,
              chunked.perChunk().stream().mapToLong(Run::peakRssKib).max().orElse(0),
              chunked.perChunk().stream().mapToLong(Run::outputBytes).sum()));
      rows.add(chunked.assembly());
    }
    for (Run run : rows) {
      table.row(
          List.of(
              run.run(),
              format(run.wallSeconds()),
              format(run.cpuSeconds()),
              run.playableSeconds() == null ? "-" : format(run.playableSeconds()),
              String.format(Locale.ROOT, "%.0f", run.peakRssKib() / 1024.0),
              format(run.outputBytes() / 1048576.0)));
    }
    return table.render()
        + String.format(
            Locale.ROOT,
            "b/a %.2f (cpu %.2f; target <= %.2f)   ladder speed %.2fx (target >= %.1fx)"
                + "   c/duration %.2f (target <= %.1f)%n",
            ratios.ladderOverSequential(),
            ratios.ladderCpuOverSequentialCpu(),
            TARGET_B_OVER_A,
            ratios.ladderSpeed(),
            TARGET_SPEED,
            ratios.playableOverDuration(),
            TARGET_PLAYABLE_FRACTION)
        + String.format(
            Locale.ROOT,
            "single pass: b'/a %.2f (cpu %.2f)   speed %.2fx   playable only at the end%n",
            ratios.singlePassOverSequential(),
            ratios.singlePassCpuOverSequentialCpu(),
            ratios.singlePassSpeed())
        + (chunked == null
            ? ""
            : String.format(
                Locale.ROOT,
                "chunked (%d chunks of ~%d s): critical path = slowest chunk + assembly %.1f s"
                    + " (%.2f x the source; + plan %.1f s)   all chunks in sequence %.1f s%n",
                chunked.chunks(),
                chunked.chunkSeconds(),
                chunked.criticalPathSeconds(),
                chunked.criticalPathSeconds() / settings.sourceSeconds(),
                chunked.criticalPathWithPlanSeconds(),
                chunked.allChunksWallSeconds()))
        + String.format(
            Locale.ROOT,
            "load average: start %s, end %s on %d cores%n",
            machine.loadAverageAtStart(),
            loadAverageAfter,
            machine.cores());
  }

  private static String format(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }
}
