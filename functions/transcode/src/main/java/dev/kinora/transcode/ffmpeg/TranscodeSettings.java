package dev.kinora.transcode.ffmpeg;

import dev.kinora.shared.contract.Contract;
import dev.kinora.shared.contract.Limits.TranscodeLimits;
import java.time.Duration;
import java.util.List;

/**
 * limits.json {@code transcode} ({@link TranscodeLimits}) in the engine's own terms: the ladder as
 * {@link Rung}s, storyboard tiles counted.
 */
public record TranscodeSettings(
    List<Rung> ladder,
    int keyframeIntervalSeconds,
    int segmentSeconds,
    int maxOutputFrameRate,
    int audioChannels,
    String x264Preset,
    double maxRateFactor,
    double bufferFactor,
    int maxDurationSeconds,
    int minDimension,
    int maxDimension,
    double thumbnailPositionFraction,
    int thumbnailWidth,
    int storyboardTileWidth,
    int storyboardColumns,
    int storyboardRows,
    int probeTimeoutSeconds,
    int ffmpegTimeoutSeconds) {

  public TranscodeSettings {
    ladder = List.copyOf(ladder);
  }

  /** The settings of the contract this jar was built with. */
  public static TranscodeSettings load() {
    return from(Contract.load().limits().transcode());
  }

  public static TranscodeSettings from(TranscodeLimits limits) {
    return new TranscodeSettings(
        limits.ladder().stream()
            .map(
                rung ->
                    new Rung(
                        rung.name(),
                        rung.width(),
                        rung.height(),
                        rung.videoKbps(),
                        rung.audioKbps()))
            .toList(),
        limits.keyframeIntervalSeconds(),
        limits.segmentSeconds(),
        limits.maxOutputFrameRate(),
        limits.audioChannels(),
        limits.x264Preset(),
        limits.maxRateFactor(),
        limits.bufferFactor(),
        limits.maxDurationSeconds(),
        limits.minDimension(),
        limits.maxDimension(),
        limits.thumbnailPositionFraction(),
        limits.thumbnailWidth(),
        limits.storyboardTileWidth(),
        limits.storyboardColumns(),
        limits.storyboardRows(),
        limits.probeTimeoutSeconds(),
        limits.ffmpegTimeoutSeconds());
  }

  public Duration probeTimeout() {
    return Duration.ofSeconds(probeTimeoutSeconds);
  }

  public Duration ffmpegTimeout() {
    return Duration.ofSeconds(ffmpegTimeoutSeconds);
  }

  /** Tiles in one storyboard sprite. */
  public int storyboardTiles() {
    return storyboardColumns * storyboardRows;
  }
}
