package dev.kinora.transcode.mediaconvert;

import dev.kinora.transcode.ffmpeg.Rung;
import dev.kinora.transcode.ffmpeg.TranscodeSettings;
import java.util.List;

/**
 * The numbers a MediaConvert job shares with the ffmpeg path, all from limits.json {@code
 * transcode}: the same rungs, keyframe interval, segment length and poster, so a video looks and
 * seeks the same whichever backend made it.
 *
 * @param rungs the standard ladder (MediaConvert does not probe first, so every rung is requested
 *     and none is upscaled; see {@link LadderJobRequest})
 * @param keyframeIntervalSeconds one IDR frame every this many seconds in every rung
 * @param segmentSeconds HLS segment length, a multiple of the keyframe interval; also the interval
 *     of the poster candidates
 * @param maxRateFactor a rung's peak bitrate = its bitrate × this (ffmpeg's {@code -maxrate})
 * @param bufferFactor a rung's HRD buffer = its bitrate × this (ffmpeg's {@code -bufsize})
 * @param audioChannels 1 (mono) or 2 (stereo) in every rung
 * @param thumbnailWidth the poster's width in pixels (height keeps the aspect ratio)
 * @param thumbnailPositionFraction where in the video the poster is taken (0.1 = at 10 %)
 * @param maxFrameCaptures how many poster candidates a job writes at most (one per segment; the
 *     storyboard's tile count, the most frames a seek preview uses)
 */
public record LadderSpec(
    List<Rung> rungs,
    int keyframeIntervalSeconds,
    int segmentSeconds,
    double maxRateFactor,
    double bufferFactor,
    int audioChannels,
    int thumbnailWidth,
    double thumbnailPositionFraction,
    int maxFrameCaptures) {

  public LadderSpec {
    rungs = List.copyOf(rungs);
    if (rungs.isEmpty()) {
      throw new IllegalArgumentException("a ladder needs at least one rung");
    }
    if (keyframeIntervalSeconds <= 0 || segmentSeconds % keyframeIntervalSeconds != 0) {
      throw new IllegalArgumentException(
          "segments of "
              + segmentSeconds
              + " s cannot start on keyframes every "
              + keyframeIntervalSeconds
              + " s");
    }
    if (maxRateFactor <= 0 || bufferFactor <= 0) {
      throw new IllegalArgumentException("rate control factors must be positive");
    }
    if (audioChannels != 1 && audioChannels != 2) {
      throw new IllegalArgumentException("audio is mono or stereo, not " + audioChannels);
    }
    if (thumbnailWidth <= 0 || maxFrameCaptures <= 0) {
      throw new IllegalArgumentException("thumbnail width and capture count must be positive");
    }
    if (thumbnailPositionFraction < 0 || thumbnailPositionFraction > 1) {
      throw new IllegalArgumentException("the poster position is a fraction of the duration");
    }
  }

  /** The ladder of limits.json, as the ffmpeg path reads it. */
  public static LadderSpec from(TranscodeSettings settings) {
    return new LadderSpec(
        settings.ladder(),
        settings.keyframeIntervalSeconds(),
        settings.segmentSeconds(),
        settings.maxRateFactor(),
        settings.bufferFactor(),
        settings.audioChannels(),
        settings.thumbnailWidth(),
        settings.thumbnailPositionFraction(),
        settings.storyboardTiles());
  }

  /** Seconds between two poster candidates. */
  public int frameCaptureIntervalSeconds() {
    return segmentSeconds;
  }
}
